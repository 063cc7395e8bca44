package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.propusk.account.Roles;

/**
 * Service centres and operators for tests, made the way administrators make them: through the
 * centres' admin page ({@code /admin/centres}).
 */
public final class TestOperators {

  public static final String PASSWORD = "строгий-оператор-у-окна-9";

  private TestOperators() {}

  /**
   * An operator of a new centre.
   *
   * @param session signed in with the app code proven in it (the console admits it); null when
   *     the operator was made without a second factor
   * @param app the operator's authenticator app; null without one
   */
  public record Operator(String phone, UUID accountId, String centreCode, String centreName, ApiClient session, SecondFactorEnrolment.App app) {}

  /** An operator with an authenticator app, whose session proved it. */
  public static Operator operator(int port, Roles roles, MutableClock clock) {
    Operator operator = operatorWithoutSecondFactor(port, roles, clock);
    SecondFactorEnrolment.App app = SecondFactorEnrolment.turnAppOn(operator.session(), clock);
    return new Operator(operator.phone(), operator.accountId(), operator.centreCode(), operator.centreName(), operator.session(), app);
  }

  /** An operator whose session is the registration's (password and SMS code: no second factor). */
  public static Operator operatorWithoutSecondFactor(int port, Roles roles, MutableClock clock) {
    String phone = TestContacts.phone();
    ApiClient session = TestAccounts.registerByPhone(port, phone, PASSWORD);
    ApiClient administrator = TestAdministrators.administrator(port, roles, clock);
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String name = "МФЦ " + code;
    UUID centre = centre(administrator, code, name);
    ApiClient.Response added = Pages.form(administrator, "/admin/centres/" + centre + "/operators", Map.of("login", phone));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    return new Operator(phone, UUID.fromString(session.get("/api/v1/me").text("id")), code, name, session, null);
  }

  /** Adds a centre through the admin page and returns its id (read from the page's forms). */
  public static UUID centre(ApiClient administrator, String code, String name) {
    ApiClient.Response created =
        Pages.form(administrator, "/admin/centres", Map.of("centreCode", code, "centreName", name, "centreAddress", "Москва, ул. Тестовая, 1"));
    assertThat(created.status()).as(created.toString()).isEqualTo(302);
    String page = Pages.page(administrator, "/admin/centres").raw().body();
    int section = page.indexOf("data-code=\"" + code.toUpperCase(java.util.Locale.ROOT) + "\"");
    assertThat(section).as("the centre is listed").isPositive();
    String marker = "/admin/centres/";
    int at = page.indexOf(marker, section) + marker.length();
    return UUID.fromString(page.substring(at, at + 36));
  }
}
