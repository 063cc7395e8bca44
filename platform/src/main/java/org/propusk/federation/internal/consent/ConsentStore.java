package org.propusk.federation.internal.consent;

import java.time.Clock;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.JdbcOperations;
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

  @Override
  public void save(OAuth2AuthorizationConsent consent) {
    super.save(consent);
    getJdbcOperations()
        .update(
            "update oauth2_authorization_consent set granted_at = ? where registered_client_id = ? and principal_name = ?",
            DbTime.of(clock.instant()),
            consent.getRegisteredClientId(),
            consent.getPrincipalName());
  }
}
