package org.propusk.authentication;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What every filter chain that serves signed-in citizens must share with the portal's: the
 * session's security context, the session validity rules (absolute timeout, sessions ended by a
 * password change, a new session id when the level changed) and the response headers (content
 * security policy, referrer and permissions policy). Another module's chain (the OpenID Connect
 * provider's) applies it, so that a session that the portal would end does not live on there.
 */
public interface WebSessionSecurity {

  /** Configures the chain being built with the portal's session and header rules. */
  void applyTo(HttpSecurity http) throws Exception;
}
