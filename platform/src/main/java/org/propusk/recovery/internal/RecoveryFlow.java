package org.propusk.recovery.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.OneTimeSecrets;

/**
 * An access recovery in progress. A flow for a login that matched no account has no account id:
 * it issues codes that are never sent, so that it answers exactly like a real one and never
 * succeeds.
 */
final class RecoveryFlow {

  enum Channel {
    SMS,
    EMAIL;

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    AuthenticationMethod proof() {
      return this == SMS ? AuthenticationMethod.SMS : AuthenticationMethod.EMAIL;
    }
  }

  private final UUID id;
  private final UUID accountId;
  private final Channel channel;
  private final String contact;
  private final String locale;
  private ConfirmationCode code;
  private AuthenticationMethod secondProof;
  private final Instant createdAt;
  private final long version;
  private RecoveryState state;
  private Instant expiresAt;

  RecoveryFlow(
      UUID id,
      RecoveryState state,
      UUID accountId,
      Channel channel,
      String contact,
      String locale,
      ConfirmationCode code,
      AuthenticationMethod secondProof,
      Instant createdAt,
      Instant expiresAt,
      long version) {
    this.id = id;
    this.state = state;
    this.accountId = accountId;
    this.channel = channel;
    this.contact = contact;
    this.locale = locale;
    this.code = code;
    this.secondProof = secondProof;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.version = version;
  }

  static RecoveryFlow start(
      UUID accountId, Channel channel, String contact, Locale locale, RecoveryPolicy policy, Instant now) {
    return new RecoveryFlow(
        UUID.randomUUID(),
        RecoveryState.CODE_SENT,
        accountId,
        channel,
        contact,
        locale.getLanguage(),
        ConfirmationCode.none(),
        null,
        now,
        now.plus(policy.flowTtl()),
        0);
  }

  /** Issues a new code, replacing the previous one. */
  String issueCode(OneTimeSecrets secrets, RecoveryPolicy policy, Instant now) {
    ensureAlive(now);
    move(RecoveryState.CODE_SENT);
    return code.issue(secrets, policy.codeRules(channel), now);
  }

  /**
   * Checks the code. An account with a second factor needs it (or its other contact) next, before
   * the new password.
   */
  void confirm(
      String typed, boolean hasSecondFactor, OneTimeSecrets secrets, RecoveryPolicy policy, Instant now) {
    ensureAlive(now);
    if (state != RecoveryState.CODE_SENT) {
      throw new RecoveryProblems.WrongStep();
    }
    code.verify(typed, secrets, policy.codeRules(channel), now);
    if (accountId == null) {
      // unreachable in practice: nobody knows a code that was never sent
      throw new IllegalStateException("a recovery without an account cannot be confirmed");
    }
    if (hasSecondFactor) {
      move(RecoveryState.SECOND_FACTOR);
    } else {
      openPasswordStep(now, policy);
    }
  }

  /** The second factor was right (its module checked it). */
  void secondFactorVerified(AuthenticationMethod method, RecoveryPolicy policy, Instant now) {
    ensureAlive(now);
    if (state != RecoveryState.SECOND_FACTOR) {
      throw new RecoveryProblems.WrongStep();
    }
    secondProof = method;
    openPasswordStep(now, policy);
  }

  /**
   * A code for the account's other contact, instead of the lost second factor. The count of wrong
   * entries goes on from the first code: a new contact never resets the flow's total.
   */
  String issueOtherContactCode(Channel other, OneTimeSecrets secrets, RecoveryPolicy policy, Instant now) {
    ensureAlive(now);
    if (state == RecoveryState.SECOND_FACTOR) {
      secondProof = other.proof();
      code = new ConfirmationCode(null, null, 0, code.totalWrongEntries(), 0, null);
    } else if (state != RecoveryState.OTHER_CONTACT_CODE_SENT) {
      throw new RecoveryProblems.WrongStep();
    }
    move(RecoveryState.OTHER_CONTACT_CODE_SENT);
    return code.issue(secrets, policy.codeRules(otherChannel()), now);
  }

  void confirmOtherContact(String typed, OneTimeSecrets secrets, RecoveryPolicy policy, Instant now) {
    ensureAlive(now);
    if (state != RecoveryState.OTHER_CONTACT_CODE_SENT) {
      throw new RecoveryProblems.WrongStep();
    }
    code.verify(typed, secrets, policy.codeRules(otherChannel()), now);
    openPasswordStep(now, policy);
  }

  /** The channel of the other contact's code, once it was asked for. */
  Channel otherChannel() {
    return secondProof == AuthenticationMethod.SMS
        ? Channel.SMS
        : secondProof == AuthenticationMethod.EMAIL ? Channel.EMAIL : null;
  }

  /** The code now in play: the first contact's, or the other contact's. */
  Channel codeChannel() {
    return state == RecoveryState.OTHER_CONTACT_CODE_SENT ? otherChannel() : channel;
  }

  /** What the citizen proved in this recovery, for the session that follows. */
  Set<AuthenticationMethod> proofs() {
    EnumSet<AuthenticationMethod> proofs = EnumSet.of(channel.proof());
    if (secondProof != null) {
      proofs.add(secondProof);
    }
    return proofs;
  }

  private void openPasswordStep(Instant now, RecoveryPolicy policy) {
    move(RecoveryState.CODE_CONFIRMED);
    expiresAt = now.plus(policy.passwordStepTtl());
  }

  void ensurePasswordStepOpen(Instant now) {
    ensureAlive(now);
    if (state != RecoveryState.CODE_CONFIRMED) {
      throw new RecoveryProblems.CodeNotConfirmed();
    }
  }

  void complete(Instant now) {
    ensurePasswordStepOpen(now);
    move(RecoveryState.COMPLETED);
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  boolean reachesAnAccount() {
    return accountId != null;
  }

  private void ensureAlive(Instant now) {
    if (isExpired(now) || state == RecoveryState.COMPLETED) {
      throw new RecoveryProblems.FlowNotFound();
    }
  }

  private void move(RecoveryState next) {
    if (!state.canMoveTo(next)) {
      throw new RecoveryProblems.WrongStep();
    }
    state = next;
  }

  UUID id() { return id; }
  RecoveryState state() { return state; }
  UUID accountId() { return accountId; }
  Channel channel() { return channel; }
  String contact() { return contact; }
  String locale() { return locale; }
  ConfirmationCode code() { return code; }
  AuthenticationMethod secondProof() { return secondProof; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  long version() { return version; }
}
