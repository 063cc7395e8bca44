package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.propusk.account.Contact;
import org.propusk.account.Roles;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.test.DevOutbox;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestContacts;
import org.propusk.test.TestOperators;
import org.propusk.test.TestOperators.Operator;
import org.propusk.test.Waits;
import org.propusk.shared.Retention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A contact proven at the desk: the code reaches the visitor's phone or e-mail, only the operator
 * who sent it can type it, wrong entries count and spend it, and it ends with the visit.
 */
@PropuskIntegrationTest
class ContactProofsIntegrationTests {

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired Roles roles;
  @Autowired ContactProofs proofs;
  @Autowired JdbcClient jdbc;
  @Autowired Retention contactProofRetention;

  @Test
  void theCodeTheVisitorReadsOutProvesThePhone() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID proof = proofs.start(operator.accountId(), " " + phone + " ");

    assertThatThrownBy(() -> proofs.proven(operator.accountId(), proof)).isInstanceOf(ContactProofs.NotProven.class);
    proofs.prove(operator.accountId(), proof, new DevOutbox(port).awaitCode(phone, 1));

    assertThat(proofs.proven(operator.accountId(), proof).contact()).isInstanceOf(Contact.Phone.class);
    assertThat(proofs.proven(operator.accountId(), proof).contact().value()).isEqualTo(phone);
    await()
        .atMost(Waits.BACKGROUND)
        .untilAsserted(
            () -> assertThat(
                    jdbc.sql("select details from audit_event where account_id = :id and details like 'action=contact%'")
                        .param("id", operator.accountId())
                        .query(String.class)
                        .list())
                .as("audited with the centre, never with the number")
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).contains("centre=" + operator.centreCode()).doesNotContain(phone.substring(2))));
  }

  @Test
  void provesAnEmailToo() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String email = TestContacts.email();
    UUID proof = proofs.start(operator.accountId(), email);
    proofs.prove(operator.accountId(), proof, new DevOutbox(port).awaitCode(email, 1));
    assertThat(proofs.proven(operator.accountId(), proof).contact()).isEqualTo(new Contact.Email(org.propusk.identifiers.EmailAddress.parse(email).value()));
  }

  @Test
  void wrongCodesAreCountedAndSpendTheCode() {
    Operator operator = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID proof = proofs.start(operator.accountId(), phone);
    String right = new DevOutbox(port).awaitCode(phone, 1);
    String wrong = right.equals("000000") ? "111111" : "000000";

    assertThatThrownBy(() -> proofs.prove(operator.accountId(), proof, wrong))
        .isInstanceOfSatisfying(ConfirmationCode.WrongCode.class, e -> assertThat(e.attemptsLeft()).isEqualTo(2));
    assertThatThrownBy(() -> proofs.prove(operator.accountId(), proof, wrong)).isInstanceOf(ConfirmationCode.WrongCode.class);
    assertThatThrownBy(() -> proofs.prove(operator.accountId(), proof, wrong))
        .isInstanceOfSatisfying(ConfirmationCode.WrongCode.class, e -> assertThat(e.attemptsLeft()).isZero());
    assertThatThrownBy(() -> proofs.prove(operator.accountId(), proof, right)).isInstanceOf(ConfirmationCode.Spent.class);
    assertThatThrownBy(() -> proofs.proven(operator.accountId(), proof)).isInstanceOf(ContactProofs.NotProven.class);
  }

  @Test
  void belongsToItsOperatorAndEndsWithTheVisit() {
    Operator operator = TestOperators.operator(port, roles, clock);
    Operator another = TestOperators.operator(port, roles, clock);
    String phone = TestContacts.phone();
    UUID proof = proofs.start(operator.accountId(), phone);
    String code = new DevOutbox(port).awaitCode(phone, 1);

    assertThatThrownBy(() -> proofs.prove(another.accountId(), proof, code)).isInstanceOf(ContactProofs.NotFound.class);
    proofs.prove(operator.accountId(), proof, code);
    assertThatThrownBy(() -> proofs.proven(another.accountId(), proof)).isInstanceOf(ContactProofs.NotFound.class);

    clock.advance(ContactProofs.LIFETIME.plus(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> proofs.proven(operator.accountId(), proof)).isInstanceOf(ContactProofs.NotFound.class);

    // and the visitor's contact is not kept past that
    UUID fresh = proofs.start(operator.accountId(), TestContacts.phone());
    assertThat(contactProofRetention.deleteExpired()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.sql("select id from operator_contact_proof where id in (:ids)").param("ids", List.of(proof, fresh)).query(UUID.class).list())
        .containsExactly(fresh);
  }

  @Test
  void refusesWhatIsNeitherAPhoneNorAnEmail() {
    Operator operator = TestOperators.operator(port, roles, clock);
    for (String bad : new String[] {"", "   ", "12345", "+1 202 555 0100", "не@почта", "a".repeat(300) + "@example.ru"}) {
      assertThatThrownBy(() -> proofs.start(operator.accountId(), bad))
          .as(bad)
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting("field").containsOnly("contact"));
    }
  }
}
