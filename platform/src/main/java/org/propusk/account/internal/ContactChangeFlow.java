package org.propusk.account.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.OneTimeSecrets;

/**
 * A change (or addition) of the account's phone or e-mail: the new contact is proven with a code
 * sent to it before it replaces the old one.
 */
final class ContactChangeFlow {

  enum Channel {
    SMS,
    EMAIL;

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum State {
    CODE_SENT,
    COMPLETED
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
  private State state;

  ContactChangeFlow(
      UUID id,
      UUID accountId,
      Channel channel,
      String contact,
      State state,
      String locale,
      ConfirmationCode code,
      Instant createdAt,
      Instant expiresAt,
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
    this.version = version;
  }

  static ContactChangeFlow start(
      UUID accountId, Channel channel, String contact, Locale locale, ContactChangePolicy policy, Instant now) {
    return new ContactChangeFlow(
        UUID.randomUUID(), accountId, channel, contact, State.CODE_SENT, locale.getLanguage(),
        ConfirmationCode.none(), now, now.plus(policy.flowTtl()), 0);
  }

  String issueCode(OneTimeSecrets secrets, ContactChangePolicy policy, Instant now) {
    ensureOpen(now);
    return code.issue(secrets, policy.codeRules(channel), now);
  }

  void confirm(String typed, OneTimeSecrets secrets, ContactChangePolicy policy, Instant now) {
    ensureOpen(now);
    code.verify(typed, secrets, policy.codeRules(channel), now);
    state = State.COMPLETED;
  }

  /** Only the account that started it may see or move it, and only while it is open. */
  boolean isOpenFor(UUID account, Instant now) {
    return accountId.equals(account) && state == State.CODE_SENT && now.isBefore(expiresAt);
  }

  private void ensureOpen(Instant now) {
    if (state != State.CODE_SENT || !now.isBefore(expiresAt)) {
      throw new AccountProblems.ContactChangeNotFound();
    }
  }

  UUID id() { return id; }
  UUID accountId() { return accountId; }
  Channel channel() { return channel; }
  String contact() { return contact; }
  State state() { return state; }
  String locale() { return locale; }
  ConfirmationCode code() { return code; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  long version() { return version; }
}
