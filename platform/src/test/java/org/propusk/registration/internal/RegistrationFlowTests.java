package org.propusk.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.propusk.account.Contact;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.OneTimeSecrets;

class RegistrationFlowTests {

  static final RegistrationPolicy POLICY =
      new RegistrationPolicy(
          6,
          Duration.ofSeconds(300),
          Duration.ofMinutes(10),
          Duration.ofHours(24),
          Duration.ofSeconds(60),
          3,
          15,
          Duration.ofHours(1),
          Duration.ofHours(24),
          Duration.ofMinutes(30));
  static final OneTimeSecrets SECRETS = new OneTimeSecrets("test-key-test-key-test-key-test-key-0123");

  Instant now = Instant.parse("2026-11-25T10:00:00Z");

  RegistrationFlow phoneFlow() {
    return RegistrationFlow.start(
        new Contact.Phone(MobilePhone.parse("+79123456789").value()),
        "Иванов", "Иван", Locale.forLanguageTag("ru"), "t1", "p1", "10.0.0.1", POLICY, now);
  }

  RegistrationFlow emailFlow() {
    return RegistrationFlow.start(
        new Contact.Email(EmailAddress.parse("anna@example.ru").value()),
        "Petrova", "Anna", Locale.ENGLISH, "t1", "p1", null, POLICY, now);
  }

  @Test
  void storesOnlyAHashOfTheCode() {
    RegistrationFlow flow = phoneFlow();
    RegistrationFlow.IssuedCode code = flow.issueCode(SECRETS, POLICY, now);
    assertThat(code.code()).matches("\\d{6}");
    assertThat(flow.code().hash()).isNotEqualTo(code.code()).doesNotContain(code.code());
    assertThat(flow.code().expiresAt()).isEqualTo(now.plusSeconds(300));
  }

  @Test
  void confirmsTheContactWithTheRightCode() {
    RegistrationFlow flow = phoneFlow();
    String code = flow.issueCode(SECRETS, POLICY, now).code();
    flow.confirmWithCode(" " + code + " ", SECRETS, POLICY, now.plusSeconds(10));
    assertThat(flow.state()).isEqualTo(RegistrationState.CONTACT_CONFIRMED);
    assertThat(flow.contactConfirmedAt()).isEqualTo(now.plusSeconds(10));
    assertThat(flow.expiresAt()).isEqualTo(now.plusSeconds(10).plus(POLICY.passwordStepTtl()));
  }

  @Test
  void rejectsCodeAfterThreeWrongEntries() {
    RegistrationFlow flow = phoneFlow();
    String code = flow.issueCode(SECRETS, POLICY, now).code();
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int left = 2; left >= 0; left--) {
      int expected = left;
      assertThatThrownBy(() -> flow.confirmWithCode(wrong, SECRETS, POLICY, now))
          .isInstanceOfSatisfying(ConfirmationCode.WrongCode.class, e -> assertThat(e.attemptsLeft()).isEqualTo(expected));
    }
    assertThatThrownBy(() -> flow.confirmWithCode(code, SECRETS, POLICY, now)).isInstanceOf(ConfirmationCode.Spent.class);
  }

  @Test
  void aNewCodeDoesNotResetTheFlowsTotalOfWrongEntries() {
    RegistrationFlow flow = phoneFlow();
    Instant t = now;
    for (int code = 0; code < 5; code++) {
      String issued = flow.issueCode(SECRETS, POLICY, t).code();
      String wrong = issued.equals("000000") ? "111111" : "000000";
      for (int i = 0; i < 3; i++) {
        Instant at = t;
        assertThatThrownBy(() -> flow.confirmWithCode(wrong, SECRETS, POLICY, at)).isInstanceOf(ConfirmationCode.WrongCode.class);
      }
      t = t.plusSeconds(61);
    }
    assertThat(flow.code().totalWrongEntries()).isEqualTo(15);
    Instant later = t;
    assertThatThrownBy(() -> flow.issueCode(SECRETS, POLICY, later)).isInstanceOf(ConfirmationCode.Exhausted.class);
  }

  @Test
  void refusesAResendBeforeSixtySeconds() {
    RegistrationFlow flow = phoneFlow();
    flow.issueCode(SECRETS, POLICY, now);
    assertThatThrownBy(() -> flow.issueCode(SECRETS, POLICY, now.plusSeconds(59)))
        .isInstanceOf(ConfirmationCode.ResendTooEarly.class);
    assertThat(flow.issueCode(SECRETS, POLICY, now.plusSeconds(60)).code()).hasSize(6);
    assertThat(flow.code().sent()).isEqualTo(2);
  }

  @Test
  void aResentCodeReplacesThePreviousOne() {
    RegistrationFlow flow = phoneFlow();
    String first = flow.issueCode(SECRETS, POLICY, now).code();
    String second = flow.issueCode(SECRETS, POLICY, now.plusSeconds(60)).code();
    if (!first.equals(second)) {
      assertThatThrownBy(() -> flow.confirmWithCode(first, SECRETS, POLICY, now.plusSeconds(61)))
          .isInstanceOf(ConfirmationCode.WrongCode.class);
    }
    flow.confirmWithCode(second, SECRETS, POLICY, now.plusSeconds(62));
    assertThat(flow.state()).isEqualTo(RegistrationState.CONTACT_CONFIRMED);
  }

  @Test
  void rejectsACodeAtItsExpiry() {
    RegistrationFlow flow = phoneFlow();
    String code = flow.issueCode(SECRETS, POLICY, now).code();
    assertThatThrownBy(() -> flow.confirmWithCode(code, SECRETS, POLICY, now.plusSeconds(300)))
        .isInstanceOf(ConfirmationCode.Expired.class);
  }

  @Test
  void anExpiredFlowCannotMove() {
    RegistrationFlow flow = phoneFlow();
    String code = flow.issueCode(SECRETS, POLICY, now).code();
    Instant afterExpiry = now.plus(POLICY.phoneFlowTtl());
    assertThat(flow.isExpired(afterExpiry)).isTrue();
    assertThatThrownBy(() -> flow.confirmWithCode(code, SECRETS, POLICY, afterExpiry))
        .isInstanceOf(RegistrationProblems.FlowNotFound.class);
  }

  @Test
  void anEmailFlowIssuesALinkValidForADayAndACodeForTenMinutes() {
    RegistrationFlow flow = emailFlow();
    RegistrationFlow.IssuedCode issued = flow.issueCode(SECRETS, POLICY, now);
    assertThat(issued.linkToken()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(flow.linkTokenHash()).isEqualTo(SECRETS.hash(issued.linkToken()));
    assertThat(flow.code().expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(flow.linkExpiresAt()).isEqualTo(now.plus(Duration.ofHours(24)));
    flow.openLink(POLICY, now.plus(Duration.ofHours(23)));
    assertThat(flow.state()).isEqualTo(RegistrationState.LINK_OPENED);
    // opened again, e.g. after a mail scanner: the same password step
    flow.openLink(POLICY, now.plus(Duration.ofHours(23)).plusSeconds(5));
    assertThat(flow.stateSeenBy(issued.linkToken(), SECRETS)).isEqualTo(RegistrationState.CONTACT_CONFIRMED);
  }

  @Test
  void anOpenedLinkLetsOnlyItsHolderSetThePasswordWhileTheCodeStillWorksForEveryone() {
    RegistrationFlow flow = emailFlow();
    RegistrationFlow.IssuedCode issued = flow.issueCode(SECRETS, POLICY, now);
    flow.openLink(POLICY, now.plusSeconds(30));

    assertThat(flow.stateSeenBy(null, SECRETS)).isEqualTo(RegistrationState.CODE_SENT);
    assertThat(flow.stateSeenBy("forged", SECRETS)).isEqualTo(RegistrationState.CODE_SENT);
    assertThatThrownBy(() -> flow.complete(null, SECRETS, now.plusSeconds(40)))
        .isInstanceOf(RegistrationProblems.ContactNotConfirmed.class);
    flow.ensurePasswordStepOpen(issued.linkToken(), SECRETS, now.plusSeconds(40));

    flow.confirmWithCode(issued.code(), SECRETS, POLICY, now.plusSeconds(50));
    assertThat(flow.stateSeenBy(null, SECRETS)).isEqualTo(RegistrationState.CONTACT_CONFIRMED);
    flow.complete(null, SECRETS, now.plusSeconds(60));
    assertThat(flow.state()).isEqualTo(RegistrationState.COMPLETED);
  }

  @Test
  void anOpenedLinkDoesNotShortenTheTimeLeftForTheCode() {
    RegistrationFlow flow = emailFlow();
    flow.issueCode(SECRETS, POLICY, now);
    Instant before = flow.expiresAt();
    flow.openLink(POLICY, now.plusSeconds(30));
    assertThat(flow.expiresAt()).isEqualTo(before);
  }

  @Test
  void aNewLetterVoidsTheLinkOpenedBefore() {
    RegistrationFlow flow = emailFlow();
    String first = flow.issueCode(SECRETS, POLICY, now).linkToken();
    flow.openLink(POLICY, now.plusSeconds(30));
    flow.issueCode(SECRETS, POLICY, now.plusSeconds(90));

    assertThat(flow.state()).isEqualTo(RegistrationState.CODE_SENT);
    assertThatThrownBy(() -> flow.ensurePasswordStepOpen(first, SECRETS, now.plusSeconds(100)))
        .isInstanceOf(RegistrationProblems.ContactNotConfirmed.class);
  }

  @Test
  void refusesTheLinkAfterItsDay() {
    RegistrationFlow flow = emailFlow();
    flow.issueCode(SECRETS, POLICY, now);
    assertThatThrownBy(() -> flow.openLink(POLICY, now.plus(Duration.ofHours(24))))
        .isInstanceOf(RegistrationProblems.FlowNotFound.class);
  }

  @Test
  void completesOnlyAfterTheContactIsConfirmed() {
    RegistrationFlow flow = phoneFlow();
    String code = flow.issueCode(SECRETS, POLICY, now).code();
    assertThatThrownBy(() -> flow.complete(null, SECRETS, now)).isInstanceOf(RegistrationProblems.ContactNotConfirmed.class);
    flow.confirmWithCode(code, SECRETS, POLICY, now);
    flow.complete(null, SECRETS, now);
    assertThat(flow.state()).isEqualTo(RegistrationState.COMPLETED);
    assertThatThrownBy(() -> flow.complete(null, SECRETS, now)).isInstanceOf(RegistrationProblems.FlowNotFound.class);
  }
}
