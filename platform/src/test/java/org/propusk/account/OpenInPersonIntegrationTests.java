package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.identifiers.MobilePhone;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An account a service-centre operator opens for a visitor: the contact proven at the desk, no
 * password anyone knows until the visitor sets one through recovery with that contact.
 */
@PropuskIntegrationTest
class OpenInPersonIntegrationTests {

  static final String PASSWORD = "янтарный-закат-над-заливом-4";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Accounts accounts;

  @Test
  void opensWithoutAUsablePasswordUntilTheVisitorSetsOneByRecovery() {
    String phone = TestContacts.phone();
    UUID accountId = accounts.openInPerson(visitor(phone));

    AccountSummary opened = accounts.find(accountId).orElseThrow();
    assertThat(opened.level().level()).isEqualTo(AccountLevel.SIMPLIFIED);
    assertThat(accounts.findByContact(new Contact.Phone(MobilePhone.parse(phone).value()))).contains(accountId);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(401);

    ApiClient visitor = new ApiClient(port);
    String id = visitor.post("/api/v1/recoveries", Map.of("login", phone)).text("id");
    visitor.post("/api/v1/recoveries/" + id + "/confirmation", Map.of("code", new DevOutbox(port).awaitCode(phone, 1)));
    assertThat(
            visitor.post("/api/v1/recoveries/" + id + "/password", Map.of("password", PASSWORD, "passwordRepeat", PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(new ApiClient(port).post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status())
        .isEqualTo(200);
  }

  @Test
  void refusesAContactThatIsTaken() {
    String phone = TestContacts.phone();
    TestAccounts.registerByPhone(port, phone, PASSWORD);

    assertThatThrownBy(() -> accounts.openInPerson(visitor(phone))).isInstanceOf(ContactAlreadyRegistered.class);
  }

  @Test
  void refusesAPasswordChosenForTheVisitor() {
    NewAccount withPassword =
        new NewAccount("Иванова", "Мария", phone(TestContacts.phone()), clock.instant(), new AcceptedPassword("$argon2id$"), List.of(), "10.0.0.1");

    assertThatThrownBy(() -> accounts.openInPerson(withPassword)).isInstanceOf(IllegalArgumentException.class);
  }

  private NewAccount visitor(String phone) {
    return new NewAccount("Иванова", "Мария", phone(phone), clock.instant(), null, List.of(), "10.0.0.1");
  }

  private static Contact phone(String phone) {
    return new Contact.Phone(MobilePhone.parse(phone).value());
  }
}
