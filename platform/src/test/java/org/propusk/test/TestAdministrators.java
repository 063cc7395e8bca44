package org.propusk.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.propusk.account.Role;
import org.propusk.account.Roles;
import org.propusk.identifiers.LoginIdentifier;

/**
 * Administrators for tests of the admin pages, and relying parties registered through them: a new
 * account given the role, whose session turned an authenticator app on (which proves it).
 */
public final class TestAdministrators {

  public static final String PASSWORD = "тихий-огонёк-над-рекой-7";

  private TestAdministrators() {}

  /** A signed-in administrator's session with the second factor proven and a recent password. */
  public static ApiClient administrator(int port, Roles roles, MutableClock clock) {
    String phone = TestContacts.phone();
    ApiClient session = TestAccounts.registerByPhone(port, phone, PASSWORD);
    grant(roles, phone);
    SecondFactorEnrolment.turnAppOn(session, clock);
    return session;
  }

  /** An administrator's phone and authenticator app, for signing in through the pages with {@link #PASSWORD}. */
  public record WithApp(String phone, SecondFactorEnrolment.App app) {}

  /** A new administrator who turned the authenticator app on, signed in nowhere yet but in the set-up session. */
  public static WithApp withApp(int port, Roles roles, MutableClock clock) {
    String phone = TestContacts.phone();
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(TestAccounts.registerByPhone(port, phone, PASSWORD), clock);
    grant(roles, phone);
    return new WithApp(phone, app);
  }

  /** Makes the account of a phone or e-mail an administrator, granted by nobody in particular. */
  public static void grant(Roles roles, String login) {
    roles.grant(LoginIdentifier.classify(login).orElseThrow(), Role.ADMINISTRATOR, UUID.randomUUID());
  }

  /** The fields of a valid registration form (confidential, client_secret_basic, no consent page); change what a test needs. */
  public static List<Map.Entry<String, String>> clientForm(String clientId, String redirectUri) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("clientId", clientId));
    fields.add(Map.entry("name", "Портал " + clientId));
    fields.add(Map.entry("agency", "Министерство тестов"));
    fields.add(Map.entry("description", "Запись к врачу"));
    fields.add(Map.entry("redirectUris", redirectUri));
    fields.add(Map.entry("postLogoutRedirectUris", ""));
    fields.add(Map.entry("scopes", "profile"));
    fields.add(Map.entry("minimumLevel", "simplified"));
    fields.add(Map.entry("clientType", "confidential"));
    fields.add(Map.entry("authMethod", "client_secret_basic"));
    fields.add(Map.entry("assertionAlg", "ES256"));
    fields.add(Map.entry("idTokenAlg", "ES256"));
    fields.add(Map.entry("requirePkce", "true"));
    return fields;
  }

  /** The same form with one field's value replaced (or added). */
  public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
    List<Map.Entry<String, String>> changed = new ArrayList<>(fields.stream().filter(f -> !f.getKey().equals(name)).toList());
    changed.add(Map.entry(name, value));
    return changed;
  }

  /** A unique client id for a test. */
  public static String clientId() {
    return "rp-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
