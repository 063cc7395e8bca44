package org.propusk.federation.internal.consent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Spring's consents (per portal and account, the allowed scopes as {@code SCOPE_x} authorities) in
 * the shipped table, plus since when the present set holds, for the citizen's sharing page. Spring
 * saves only when the set changed.
 */
@Component
class ConsentStore extends JdbcOAuth2AuthorizationConsentService {

  private final Clock clock;

  ConsentStore(JdbcOperations jdbc, RegisteredClientRepository clients, Clock clock) {
    super(jdbc, clients);
    this.clock = clock;
  }

  /**
   * Stores the consent whether or not one exists by now. Spring's save looks first, then inserts or
   * updates: two "allow"s of one citizen for one portal at once (two tabs) both found none, and the
   * second insert failed on the key inside the authorization endpoint (a 500, issue 15). Here an
   * insert that meets a row stored meanwhile does nothing, and that row is updated instead.
   */
  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    // client id, principal name, authorities: as Spring writes them
    List<SqlParameterValue> key = getAuthorizationConsentParametersMapper().apply(consent);
    OffsetDateTime now = DbTime.of(clock.instant());
    int inserted =
        getJdbcOperations()
            .update(
                "insert into oauth2_authorization_consent (registered_client_id, principal_name, authorities, granted_at)"
                    + " values (?, ?, ?, ?) on conflict do nothing",
                key.get(0),
                key.get(1),
                key.get(2),
                now);
    if (inserted == 0) {
      getJdbcOperations()
          .update(
              "update oauth2_authorization_consent set authorities = ?, granted_at = ?"
                  + " where registered_client_id = ? and principal_name = ?",
              key.get(2),
              now,
              key.get(0),
              key.get(1));
    }
  }
}
