package org.propusk.federation.internal.authorization;

import java.time.Clock;
import java.util.UUID;
import org.propusk.federation.RefreshTokenReuseDetected;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.shared.Occurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh token reuse detection, which Spring lacks: with rotation its provider simply does not
 * find a replaced token. Such a token, found among the spent ones, means two holders of one
 * family, one of them a thief; the whole family (the authorization with the newest tokens) is
 * removed, the event audited, and the answer is the same {@code invalid_grant} as for any unknown
 * token. A refresh token past its expiry by Propusk's clock is refused here as well (Spring's own
 * check reads {@code Instant.now()}; both agree outside tests).
 */
public final class RefreshTokenReuseGuard implements AuthenticationProvider {

  private final OAuth2RefreshTokenAuthenticationProvider delegate;
  private final AuthorizationStore store;
  private final ClientRegistry clients;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public RefreshTokenReuseGuard(
      OAuth2RefreshTokenAuthenticationProvider delegate,
      AuthorizationStore store,
      ClientRegistry clients,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.delegate = delegate;
    this.store = store;
    this.clients = clients;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String presented = ((OAuth2RefreshTokenAuthenticationToken) authentication).getRefreshToken();
    OAuth2Authorization authorization = store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
    if (authorization == null) {
      store.familyOfSpent(presented).ifPresent(this::revoke);
      throw invalidGrant();
    }
    OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
    if (refresh != null && refresh.getToken().getExpiresAt() != null
        && !clock.instant().isBefore(refresh.getToken().getExpiresAt())) {
      throw invalidGrant();
    }
    return store.withFound(authorization, presented, OAuth2TokenType.REFRESH_TOKEN, () -> delegate.authenticate(authentication));
  }

  private void revoke(OAuth2Authorization family) {
    RegisteredClient client = clients.findById(family.getRegisteredClientId());
    transactions.executeWithoutResult(
        status -> {
          store.remove(family);
          events.publishEvent(
              new RefreshTokenReuseDetected(
                  UUID.fromString(family.getPrincipalName()),
                  client == null ? family.getRegisteredClientId() : client.getClientId(),
                  Occurrence.at(clock.instant())));
        });
  }

  private static OAuth2AuthenticationException invalidGrant() {
    return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
