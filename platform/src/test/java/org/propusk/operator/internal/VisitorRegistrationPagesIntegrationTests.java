package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.Pages.form;
import static org.propusk.test.Pages.page;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.Roles;
import org.propusk.identifiers.MobilePhone;
import org.propusk.test.ApiClient;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's registration pages: each bad input answered next to its field, only operators in. */
@PropuskIntegrationTest
class VisitorRegistrationPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired Accounts accounts;

  @Test
  void registersThroughThePages() {
    Operator operator = TestOperators.operator(port, roles, clock);
    ApiClient desk = operator.session();
    assertThat(page(desk, "/operator").raw().body()).contains("/operator/visitors/new");
    assertThat(page(desk, "/operator/visitors/new").status()).isEqualTo(200);

    ApiClient.Response bad = form(desk, "/operator/visitors/new", Map.of("contact", "12345"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.raw().body()).contains("id=\"contact-error\"");

    String phone = TestContacts.phone();
    ApiClient.Response sent = form(desk, "/operator/visitors/new", Map.of("contact", phone));
    assertThat(sent.status()).isEqualTo(302);
    String step = sent.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(page(desk, step).raw().body()).contains("id=\"code-form\"");
    String code = new DevOutbox(port).awaitCode(phone, 1);
    ApiClient.Response wrong = form(desk, step + "/code", Map.of("code", code.equals("000000") ? "111111" : "000000"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.raw().body()).contains("role=\"alert\"").contains("id=\"code-form\"");
    assertThat(form(desk, step + "/code", Map.of("code", code)).status()).isEqualTo(302);
    assertThat(page(desk, step).raw().body()).contains("id=\"visitor-form\"");

    Map<String, String> fields = new HashMap<>();
    VerifiedProfiles.randomCitizen().forEach((k, v) -> fields.put(k, (String) v));
    Map<String, String> badFields = new HashMap<>(fields);
    badFields.put("snils", "123-456-789 00");
    badFields.put("consented", "true");
    ApiClient.Response refused = form(desk, step, badFields);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.raw().body()).contains("id=\"snils-error\"").contains("id=\"visitor-form\"");
    ApiClient.Response noConsent = form(desk, step, fields);
    assertThat(noConsent.status()).isEqualTo(422);
    assertThat(noConsent.raw().body()).contains("id=\"consented-error\"");

    fields.put("consented", "true");
    ApiClient.Response done = form(desk, step, fields);
    assertThat(done.status()).as(done.raw().body()).isEqualTo(302);
    assertThat(accounts.findByContact(new Contact.Phone(MobilePhone.parse(phone).value()))).isPresent();
  }

  @Test
  void aCitizenIsNoOperator() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), "ясный-полдень-в-поле-17");
    assertThat(page(citizen, "/operator/visitors/new").status()).isEqualTo(403);
    assertThat(form(citizen, "/operator/visitors/new", Map.of("contact", TestContacts.phone())).status()).isEqualTo(403);
  }
}
