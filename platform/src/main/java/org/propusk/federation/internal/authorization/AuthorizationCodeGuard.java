package org.propusk.federation.internal.authorization;

import java.time.Clock;
import java.util.UUID;
import org.propusk.federation.AuthorizationCodeReplayed;
import org.propusk.shared.Occurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's code exchange with two things added. A code is refused once Propusk's clock says it
 * expired (Spring's own check reads {@code Instant.now()}; both agree outside tests). And a code
 * presented again by its client is audited: Spring then revokes the tokens issued for it (the
 * refresh token, and with it the access token), since whoever presented it first may have stolen it.
 */
public final class AuthorizationCodeGuard implements AuthenticationProvider {

  private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

  private final OAuth2AuthorizationCodeAuthenticationProvider delegate;
  private final AuthorizationStore store;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public AuthorizationCodeGuard(
      OAuth2AuthorizationCodeAuthenticationProvider delegate,
      AuthorizationStore store,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.delegate = delegate;
    this.store = store;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2AuthorizationCodeAuthenticationToken request = (OAuth2AuthorizationCodeAuthenticationToken) authentication;
    OAuth2Authorization authorization = store.findByToken(request.getCode(), CODE);
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
        authorization == null ? null : authorization.getToken(OAuth2AuthorizationCode.class);
    if (code == null) {
      return delegate.authenticate(authentication);
    }
    if (!code.isInvalidated()) {
      if (!clock.instant().isBefore(code.getToken().getExpiresAt())) {
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "code expired", null));
      }
      return delegate.authenticate(authentication);
    }
    try {
      return delegate.authenticate(authentication);
    } finally {
      if (presentedByItsClient(request, authorization)) {
        transactions.executeWithoutResult(
            status ->
                events.publishEvent(
                    new AuthorizationCodeReplayed(
                        UUID.fromString(authorization.getPrincipalName()),
                        ((OAuth2ClientAuthenticationToken) request.getPrincipal()).getRegisteredClient().getClientId(),
                        Occurrence.at(clock.instant()))));
      }
    }
  }

  private static boolean presentedByItsClient(
      OAuth2AuthorizationCodeAuthenticationToken request, OAuth2Authorization authorization) {
    return request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.isAuthenticated()
        && client.getRegisteredClient() != null
        && client.getRegisteredClient().getId().equals(authorization.getRegisteredClientId());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
