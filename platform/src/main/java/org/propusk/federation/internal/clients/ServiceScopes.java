package org.propusk.federation.internal.clients;

import java.util.regex.Pattern;

/**
 * The scopes of a service's own tokens (client credentials): {@code api}, or {@code api:<name>} for
 * one API, named as the service and the API's operator agreed (e.g. {@code api:catalogue}). They
 * are a namespace of their own, apart from the claim catalogue's scopes: a token without a citizen
 * has no personal data to grant, and {@code openid} makes no sense without one. A client's service
 * scopes are never offered in an authorization request, and its catalogue scopes never in a
 * client credentials token.
 */
public final class ServiceScopes {

  public static final String API = "api";

  private static final Pattern SCOPE = Pattern.compile("api(:[a-z0-9][a-z0-9._-]{0,62})?");

  private ServiceScopes() {}

  public static boolean isServiceScope(String scope) {
    return SCOPE.matcher(scope).matches();
  }
}
