package org.propusk.account.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.OneTimeSecrets;

/**
 * A change (or addition) of the account's phone or e-mail: the new contact is proven with a code
 * sent to it, then waits out the cooling-off period, during which the old contact can cancel it
 * with the link it was sent; only then does it replace the old one.
 */
final class ContactChangeFlow {

  enum Channel {
    SMS,
    EMAIL;

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final UUID id;
  private final UUID accountId;
  private final Channel channel;
  private final String contact;
  private final String locale;
  private final ConfirmationCode code;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final long version;
  private ContactChangeState state;
  private Instant effectiveAt;
  private String cancelTokenHash;

  ContactChangeFlow(
      UUID id,
      UUID accountId,
      Channel channel,
      String contact,
      ContactChangeState state,
      String locale,
      ConfirmationCode code,
      Instant createdAt,
      Instant expiresAt,
      Instant effectiveAt,
      String cancelTokenHash,
      long version) {
    this.id = id;
    this.accountId = accountId;
    this.channel = channel;
    this.contact = contact;
    this.state = state;
    this.locale = locale;
    this.code = code;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.effectiveAt = effectiveAt;
    this.cancelTokenHash = cancelTokenHash;
    this.version = version;
  }

  static ContactChangeFlow start(
      UUID accountId, Channel channel, String contact, Locale locale, ContactChangePolicy policy, Instant now) {
    return new ContactChangeFlow(
        UUID.randomUUID(), accountId, channel, contact, ContactChangeState.CODE_SENT, locale.getLanguage(),
        ConfirmationCode.none(), now, now.plus(policy.flowTtl()), null, null, 0);
  }

  String issueCode(OneTimeSecrets secrets, ContactChangePolicy policy, Instant now) {
    ensureCodeSent(now);
    return code.issue(secrets, policy.codeRules(channel), now);
  }

  /**
   * The right code starts the cooling-off period; returns the token of the link that cancels the
   * change (kept only as its keyed hash).
   */
  String confirm(String typed, OneTimeSecrets secrets, ContactChangePolicy policy, Instant now) {
    ensureCodeSent(now);
    code.verify(typed, secrets, policy.codeRules(channel), now);
    String token = secrets.urlToken();
    move(ContactChangeState.PENDING);
    // to the microsecond, as the databases keep it: the answer and a later reading agree
    effectiveAt = now.plus(policy.coolingOff()).truncatedTo(ChronoUnit.MICROS);
    cancelTokenHash = secrets.hash(token);
    return token;
  }

  /** Whether the cancel link still works: until the change takes effect. */
  boolean cancellable(Instant now) {
    return state == ContactChangeState.PENDING && now.isBefore(effectiveAt);
  }

  void cancel(Instant now) {
    if (!cancellable(now)) {
      throw new AccountProblems.ContactChangeNotFound();
    }
    move(ContactChangeState.CANCELLED);
    cancelTokenHash = null;
  }

  boolean due(Instant now) {
    return state == ContactChangeState.PENDING && !now.isBefore(effectiveAt);
  }

  void apply(Instant now) {
    if (!due(now)) {
      throw new IllegalStateException("contact change " + id + " is not due");
    }
    move(ContactChangeState.APPLIED);
    cancelTokenHash = null;
  }

  /** Only the account that started it may see or move it, and only while its code is awaited. */
  boolean isOpenFor(UUID account, Instant now) {
    return accountId.equals(account) && state == ContactChangeState.CODE_SENT && now.isBefore(expiresAt);
  }

  private void ensureCodeSent(Instant now) {
    if (state != ContactChangeState.CODE_SENT || !now.isBefore(expiresAt)) {
      throw new AccountProblems.ContactChangeNotFound();
    }
  }

  private void move(ContactChangeState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(state + " -> " + next);
    }
    state = next;
  }

  UUID id() { return id; }
  UUID accountId() { return accountId; }
  Channel channel() { return channel; }
  String contact() { return contact; }
  ContactChangeState state() { return state; }
  String locale() { return locale; }
  ConfirmationCode code() { return code; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  Instant effectiveAt() { return effectiveAt; }
  String cancelTokenHash() { return cancelTokenHash; }
  long version() { return version; }
}
