package org.propusk.federation.internal.authorization;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Spring's refresh tokens (none for public clients) with an absolute end: Spring gives every new
 * refresh token the client's full lifetime from now, so rotation would keep a family alive for
 * ever. Here no refresh token outlives the family's start (its code) plus {@code
 * propusk.federation.refresh-absolute}; after that the citizen signs in again.
 */
public final class BoundedRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

  private final OAuth2RefreshTokenGenerator delegate = new OAuth2RefreshTokenGenerator();
  private final AuthorizationStore store;

  public BoundedRefreshTokenGenerator(AuthorizationStore store, Clock clock) {
    this.store = store;
    delegate.setClock(clock);
  }

  @Override
  public OAuth2RefreshToken generate(OAuth2TokenContext context) {
    OAuth2RefreshToken token = delegate.generate(context);
    if (token == null || context.getAuthorization() == null) {
      return token;
    }
    Instant end = store.familyEnd(context.getAuthorization(), token);
    return end.isBefore(token.getExpiresAt()) ? new OAuth2RefreshToken(token.getTokenValue(), token.getIssuedAt(), end) : token;
  }
}
