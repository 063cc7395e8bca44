package org.propusk.federation.internal.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.propusk.federation.ConsentGranted;
import org.propusk.federation.ConsentWithdrawn;
import org.propusk.federation.internal.claims.ClaimCatalogue;
import org.propusk.shared.DbTime;
import org.propusk.shared.Occurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen's consents to portals: when the consent page is shown, what "allow" and "deny" do,
 * and withdrawal. A consent holds per portal for a set of scopes; a request for a scope outside
 * it, or with {@code prompt=consent}, shows the page again. Withdrawing (or refusing a portal that
 * held a consent) deletes the consent and the portal's authorizations for the account, so that its
 * refresh tokens stop working and userinfo refuses its access tokens.
 */
@Component
public class ConsentLedger implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

  private static final String SCOPE = "SCOPE_";

  /** A consent as the sharing page lists it. */
  public record Consent(String registeredClientId, List<String> scopes, Instant grantedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConsentLedger(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Whether the consent page is shown. Clients registered without consent (the conformance and
   * test clients) never see it; the others on their first request, whenever they ask for more than
   * was allowed, and at {@code prompt=consent}. Unlike Spring's predicate, a request for
   * {@code openid} alone is no exception: the portal still learns who the citizen is.
   */
  public static boolean consentRequired(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    RegisteredClient client = context.getRegisteredClient();
    if (!client.getClientSettings().isRequireAuthorizationConsent()) {
      return false;
    }
    OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
    Object prompt = request.getAdditionalParameters().get("prompt");
    if (prompt instanceof String values && Arrays.asList(values.split(" ")).contains("consent")) {
      return true;
    }
    OAuth2AuthorizationConsent consent = context.getAuthorizationConsent();
    return consent == null || !consent.getScopes().containsAll(request.getScopes());
  }

  /**
   * The consent page's answer. "Allow" submits every requested scope: announced as {@link
   * ConsentGranted}. "Deny" submits none: the consent being built is emptied, so that Spring
   * answers {@code access_denied} even where an earlier consent covered the request, and an
   * earlier consent is withdrawn.
   */
  @Override
  public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
    UUID accountId = UUID.fromString(context.getAuthorization().getPrincipalName());
    RegisteredClient client = context.getRegisteredClient();
    OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
    if (answer.getScopes().isEmpty()) {
      context.getAuthorizationConsent().authorities(Set::clear);
      withdraw(accountId, client, true);
      return;
    }
    List<String> scopes = new ArrayList<>();
    context.getAuthorizationConsent()
        .authorities(
            authorities ->
                authorities.stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a != null && a.startsWith(SCOPE))
                    .map(a -> a.substring(SCOPE.length()))
                    .sorted()
                    .forEach(scopes::add));
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> events.publishEvent(new ConsentGranted(accountId, client.getClientId(), scopes, Occurrence.at(now))));
  }

  /**
   * Ends the portal's consent and its authorizations for the account; returns false when there was
   * no consent. The portal's access tokens (self-contained, at most 5 minutes) stay valid where a
   * resource server checks only their signature; Propusk's userinfo refuses them at once.
   */
  public boolean withdraw(UUID accountId, RegisteredClient client, boolean refused) {
    Instant now = clock.instant();
    Boolean withdrawn =
        transactions.execute(
            status -> {
              int consents =
                  jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = :client and principal_name = :account")
                      .param("client", client.getId())
                      .param("account", accountId.toString())
                      .update();
              jdbc.sql("delete from oauth2_authorization where registered_client_id = :client and principal_name = :account")
                  .param("client", client.getId())
                  .param("account", accountId.toString())
                  .update();
              if (consents > 0) {
                events.publishEvent(new ConsentWithdrawn(accountId, client.getClientId(), refused, Occurrence.at(now)));
              }
              return consents > 0;
            });
    return Boolean.TRUE.equals(withdrawn);
  }

  /** The account's consents, newest first. */
  public List<Consent> of(UUID accountId) {
    return jdbc.sql(
            "select registered_client_id, authorities, granted_at from oauth2_authorization_consent"
                + " where principal_name = :account order by granted_at desc")
        .param("account", accountId.toString())
        .query(
            (rs, n) ->
                new Consent(
                    rs.getString("registered_client_id"),
                    Arrays.stream(rs.getString("authorities").split(","))
                        .filter(a -> a.startsWith(SCOPE))
                        .map(a -> a.substring(SCOPE.length()))
                        .sorted(Comparator.comparingInt(ClaimCatalogue.scopes()::indexOf))
                        .toList(),
                    DbTime.read(rs, "granted_at")))
        .list();
  }

  /** A deleted account's consents and authorizations go with it. */
  void forget(UUID accountId) {
    jdbc.sql("delete from oauth2_authorization_consent where principal_name = :account").param("account", accountId.toString()).update();
    jdbc.sql("delete from oauth2_authorization where principal_name = :account").param("account", accountId.toString()).update();
  }
}
