package org.propusk.federation.internal.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Authorization codes as Spring makes them (96 random bytes, the client's code lifetime), but
 * dated by Propusk's clock: Spring's own generator reads {@code Instant.now()}, which tests cannot
 * move and which would differ from the time everything else in Propusk goes by. Both providers
 * that issue codes (the authorization request, and the consent when one is asked) take it.
 */
public final class CodeGenerator implements OAuth2TokenGenerator<OAuth2AuthorizationCode> {

  private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
  private final Clock clock;

  public CodeGenerator(Clock clock) {
    this.clock = clock;
  }

  /** For {@code authorizationEndpoint(e -> e.authenticationProviders(...))}. */
  public Consumer<List<AuthenticationProvider>> installer() {
    return providers ->
        providers.forEach(
            provider -> {
              if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                request.setAuthorizationCodeGenerator(this);
              } else if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                consent.setAuthorizationCodeGenerator(this);
              }
            });
  }

  @Override
  public OAuth2AuthorizationCode generate(OAuth2TokenContext context) {
    if (!OAuth2ParameterNames.CODE.equals(context.getTokenType().getValue())) {
      return null;
    }
    Instant issuedAt = clock.instant();
    return new OAuth2AuthorizationCode(
        values.generateKey(),
        issuedAt,
        issuedAt.plus(context.getRegisteredClient().getTokenSettings().getAuthorizationCodeTimeToLive()));
  }
}
