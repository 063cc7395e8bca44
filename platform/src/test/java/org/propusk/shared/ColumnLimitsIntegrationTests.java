package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.propusk.identifiers.AddressPart;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.PersonName;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The declared maxima of typed text fit the columns that store it, read from the database's
 * catalogue (issue 15): a rule that let more through than its column holds would turn a long value
 * into a failed insert instead of a field error. And every text column of the schema is accounted
 * for, so that a new one cannot be added without deciding where its maximum is declared. Over
 * HTTP, over-long values are field errors and over-long logins unknown ones.
 */
@PropuskIntegrationTest
class ColumnLimitsIntegrationTests {

  /** Columns holding an identifier as its rule in {@code identifiers} normalised it. */
  static final Map<String, Integer> IDENTIFIERS =
      Map.ofEntries(
          Map.entry("account.last_name", PersonName.MAX_LENGTH),
          Map.entry("account.first_name", PersonName.MAX_LENGTH),
          Map.entry("registration_flow.last_name", PersonName.MAX_LENGTH),
          Map.entry("registration_flow.first_name", PersonName.MAX_LENGTH),
          Map.entry("identity_profile.last_name", PersonName.MAX_LENGTH),
          Map.entry("identity_profile.first_name", PersonName.MAX_LENGTH),
          Map.entry("identity_profile.patronymic", PersonName.MAX_LENGTH),
          Map.entry("account.email", EmailAddress.MAX_LENGTH),
          Map.entry("account.email_key", EmailAddress.MAX_LENGTH),
          // a phone (E.164, at most 16 characters) or an e-mail address
          Map.entry("registration_flow.contact", EmailAddress.MAX_LENGTH),
          Map.entry("recovery_flow.contact", EmailAddress.MAX_LENGTH),
          Map.entry("contact_change_flow.contact", EmailAddress.MAX_LENGTH),
          Map.entry("contact_reservation.contact_key", EmailAddress.MAX_LENGTH),
          Map.entry("notification_message.recipient", EmailAddress.MAX_LENGTH),
          Map.entry("operator_contact_proof.contact", EmailAddress.MAX_LENGTH),
          Map.entry("profile_address.postal_index", 6),
          // the two-digit code of a FederalSubject
          Map.entry("profile_address.region", 2),
          Map.entry("profile_address.district", AddressPart.Kind.PLACE.maxLength()),
          Map.entry("profile_address.settlement", AddressPart.Kind.PLACE.maxLength()),
          Map.entry("profile_address.street", AddressPart.Kind.PLACE.maxLength()),
          Map.entry("profile_address.house", AddressPart.Kind.NUMBER.maxLength()),
          Map.entry("profile_address.building", AddressPart.Kind.NUMBER.maxLength()),
          Map.entry("profile_address.flat", AddressPart.Kind.FLAT.maxLength()));

  /**
   * Columns no client's text reaches as typed: states and choices from a fixed set, E.164 phones,
   * hashes, lookups, sealed values and ids the platform makes, and the frameworks' own tables.
   */
  static final Set<String> WRITTEN_BY_THE_PLATFORM =
      Set.of(
          "account.announced_level", "account.identity_proof_method", "account.identity_proof_source",
          "account.password_hash", "account.phone", "account.snils_lookup",
          "account_consent.client_address", "account_consent.document", "account_consent.version", "account_role.role",
          "audit_event.actor", "audit_event.client_address", "audit_event.details", "audit_event.kind",
          "contact_change_flow.cancel_token_hash", "contact_change_flow.channel", "contact_change_flow.code_hash",
          "contact_change_flow.locale", "contact_change_flow.state",
          "document_check.document", "document_check.reason", "document_check.state",
          "event_publication.event_type", "event_publication.listener_id", "event_publication.serialized_event",
          "event_publication.status",
          "federation_client.assertion_alg", "federation_client.auth_method", "federation_client.id_token_alg",
          "federation_client.logo_type", "federation_client.minimum_level", "federation_client.secret_hash",
          "federation_client_redirect_uri.client_id", "federation_client_redirect_uri.kind",
          "federation_client_scope.client_id", "federation_client_scope.scope",
          "federation_refresh_spent.authorization_id", "federation_session_authorization.authorization_id",
          "federation_session_client.registered_client_id",
          "federation_sharing_log.channel", "federation_sharing_log.claims", "federation_sharing_log.client_id",
          "federation_sharing_log.release_key",
          "federation_signing_key.alg", "federation_signing_key.kid", "federation_signing_key.private_jwk_sealed",
          "federation_signing_key.public_jwk",
          "identity_profile.citizenship", "identity_profile.foreign_doc_sealed", "identity_profile.gender",
          "identity_profile.passport_division", "identity_profile.passport_lookup", "identity_profile.passport_sealed",
          "identity_profile.snils_lookup", "identity_profile.snils_sealed",
          "notification_message.body", "notification_message.channel", "notification_message.subject",
          "oauth2_authorization.access_token_metadata", "oauth2_authorization.access_token_scopes",
          "oauth2_authorization.access_token_type", "oauth2_authorization.access_token_value",
          "oauth2_authorization.attributes", "oauth2_authorization.authorization_code_metadata",
          "oauth2_authorization.authorization_code_value", "oauth2_authorization.authorization_grant_type",
          "oauth2_authorization.authorized_scopes", "oauth2_authorization.device_code_metadata",
          "oauth2_authorization.device_code_value", "oauth2_authorization.id", "oauth2_authorization.oidc_id_token_metadata",
          "oauth2_authorization.oidc_id_token_value", "oauth2_authorization.principal_name",
          "oauth2_authorization.refresh_token_metadata", "oauth2_authorization.refresh_token_value",
          "oauth2_authorization.state", "oauth2_authorization.user_code_metadata", "oauth2_authorization.user_code_value",
          "oauth2_authorization_consent.authorities", "oauth2_authorization_consent.principal_name",
          "oauth2_authorization_consent.registered_client_id",
          "rate_limit_event.kind", "rate_limit_event.subject",
          // a letter copies the verified profile's name and address when it is asked for
          "post_letter.address_lines", "post_letter.code_hash", "post_letter.recipient", "post_letter.state",
          "profile_address.kind", "signature_challenge.challenge", "signature_challenge.state",
          "operator_contact_proof.channel", "operator_contact_proof.code_hash",
          "recovery_flow.channel", "recovery_flow.code_hash", "recovery_flow.locale", "recovery_flow.second_proof",
          "recovery_flow.state",
          "registration_flow.channel", "registration_flow.client_address", "registration_flow.code_hash",
          "registration_flow.link_token_hash", "registration_flow.locale", "registration_flow.privacy_version",
          "registration_flow.state", "registration_flow.terms_version",
          "second_factor_recovery_code.code_hash", "second_factor_sms.code_hash", "second_factor_totp.pending_secret",
          "second_factor_totp.secret",
          "services_catalogue_entry.minimum_level",
          "sign_in_flow.device", "sign_in_flow.login_sealed", "sign_in_flow.methods", "sign_in_flow.min_level",
          "sign_in_flow.state",
          "spring_session.principal_name", "spring_session.session_id", "spring_session_attributes.attribute_name",
          "flyway_schema_history.version", "flyway_schema_history.description", "flyway_schema_history.type",
          "flyway_schema_history.script", "flyway_schema_history.installed_by",
          "scheduled_tasks.task_name", "scheduled_tasks.task_instance", "scheduled_tasks.picked_by");

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void everyDeclaredMaximumFitsItsColumn() {
    Map<String, Integer> columns = textColumns();
    Map<String, Integer> declared = new HashMap<>(IDENTIFIERS);
    for (TextLimit limit : TextLimit.values()) {
      limit.columns().forEach(column -> declared.merge(column, limit.max(), Math::max));
    }
    declared.forEach(
        (column, maximum) -> {
          assertThat(columns).as("a column named in the limits").containsKey(column);
          assertThat(maximum).as(column).isLessThanOrEqualTo(columns.get(column));
        });
  }

  @Test
  void everyTextColumnHasItsMaximumDeclaredOrIsWrittenByThePlatform() {
    Set<String> accounted = new TreeSet<>(IDENTIFIERS.keySet());
    accounted.addAll(WRITTEN_BY_THE_PLATFORM);
    List.of(TextLimit.values()).forEach(limit -> accounted.addAll(limit.columns()));
    Set<String> forgotten = new TreeSet<>(textColumns().keySet());
    forgotten.removeAll(accounted);
    assertThat(forgotten).as("text columns whose maximum is declared nowhere (TextLimit or an identifier)").isEmpty();
  }

  @Test
  void overLongValuesAreFieldErrorsAndOverLongLoginsAreUnknownLogins() {
    ApiClient stranger = new ApiClient(port);
    for (String login : List.of("a".repeat(5000) + "@mail.ru", "9".repeat(3000), "+7 (900) " + "1".repeat(2000), "112-233-445 95" + "x".repeat(2000))) {
      assertThat(stranger.post("/api/v1/session", Map.of("login", login, "password", "x")).status()).as("sign-in").isEqualTo(401);
      ApiClient.Response recovery = stranger.post("/api/v1/recoveries", Map.of("login", login));
      assertThat(recovery.status()).as("recovery " + recovery).isEqualTo(422);
      assertThat(recovery.json().get("errors").get(0).get("field").asString()).isEqualTo("login");
    }
    ApiClient.Response registration =
        stranger.post(
            "/api/v1/registrations",
            Map.of("lastName", "Я".repeat(PersonName.MAX_LENGTH + 1), "firstName", "Ирина",
                "email", "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "ru", "acceptTerms", true));
    assertThat(registration.status()).isEqualTo(422);
    assertThat(fields(registration)).contains("lastName:too_long", "email:too_long");

    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), "зелёный-чай-на-веранде-5");
    Map<String, String> profile = new HashMap<>(Map.of("lastName", "Козлова", "firstName", "Ирина", "gender", "female",
        "birthDate", "1990-03-15", "citizenship", "RU", "birthPlace", "г".repeat(TextLimit.BIRTH_PLACE.max() + 1)));
    ApiClient.Response api = citizen.put("/api/v1/profile", profile);
    assertThat(api.status()).isEqualTo(422);
    assertThat(fields(api)).containsExactly("birthPlace:too_long");
    ApiClient.Response page = Pages.form(citizen, "/profile", profile);
    assertThat(page.status()).isEqualTo(422);
    assertThat(page.raw().body()).contains("id=\"birthPlace-error\"");
  }

  private static List<String> fields(ApiClient.Response answer) {
    List<String> fields = new java.util.ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("code").asString()));
    return fields;
  }

  /** table.column -> its size, for every bounded text column of the application's schema. */
  private Map<String, Integer> textColumns() {
    Map<String, Integer> columns = new HashMap<>();
    jdbc.sql(
            """
            select lower(table_name) as t, lower(column_name) as c, character_maximum_length as n
            from information_schema.columns
            where table_schema = current_schema and lower(data_type) in ('character varying', 'varchar')
              and character_maximum_length is not null
            """)
        .query((rs, row) -> columns.put(rs.getString("t") + "." + rs.getString("c"), rs.getInt("n")))
        .list();
    return columns;
  }
}
