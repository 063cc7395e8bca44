package org.propusk.registration.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.OneTimeSecrets;

/**
 * A registration in progress: the aggregate that guards its own state. Every transition checks the
 * current state, the expiry and the attempt counters; the caller persists the result.
 */
final class RegistrationFlow {

  enum Channel {
    SMS,
    EMAIL;

    String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A freshly issued secret, in clear text only on its way to the citizen. */
  record IssuedCode(String code, String linkToken) {}

  private final UUID id;
  private final Channel channel;
  private final String contact;
  private final String lastName;
  private final String firstName;
  private final String locale;
  private final String termsVersion;
  private final String privacyVersion;
  private final Instant consentedAt;
  private final String clientAddress;
  private final Instant createdAt;
  private final long version;
  private RegistrationState state;
  private final ConfirmationCode code;
  private String linkTokenHash;
  private Instant linkExpiresAt;
  private Instant expiresAt;
  private Instant contactConfirmedAt;

  RegistrationFlow(
      UUID id,
      RegistrationState state,
      Channel channel,
      String contact,
      String lastName,
      String firstName,
      String locale,
      String termsVersion,
      String privacyVersion,
      Instant consentedAt,
      String clientAddress,
      ConfirmationCode code,
      String linkTokenHash,
      Instant linkExpiresAt,
      Instant createdAt,
      Instant expiresAt,
      Instant contactConfirmedAt,
      long version) {
    this.id = id;
    this.state = state;
    this.channel = channel;
    this.contact = contact;
    this.lastName = lastName;
    this.firstName = firstName;
    this.locale = locale;
    this.termsVersion = termsVersion;
    this.privacyVersion = privacyVersion;
    this.consentedAt = consentedAt;
    this.clientAddress = clientAddress;
    this.code = code;
    this.linkTokenHash = linkTokenHash;
    this.linkExpiresAt = linkExpiresAt;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.contactConfirmedAt = contactConfirmedAt;
    this.version = version;
  }

  /** Starts a flow; the first code is issued by {@link #issueCode}. */
  static RegistrationFlow start(
      Contact contact,
      String lastName,
      String firstName,
      Locale locale,
      String termsVersion,
      String privacyVersion,
      String clientAddress,
      RegistrationPolicy policy,
      Instant now) {
    Channel channel = contact instanceof Contact.Phone ? Channel.SMS : Channel.EMAIL;
    Instant expiresAt =
        now.plus(channel == Channel.SMS ? policy.phoneFlowTtl() : policy.emailFlowTtl());
    return new RegistrationFlow(
        UUID.randomUUID(),
        RegistrationState.CODE_SENT,
        channel,
        contact.value(),
        lastName,
        firstName,
        locale.getLanguage(),
        termsVersion,
        privacyVersion,
        now,
        clientAddress,
        ConfirmationCode.none(),
        null,
        null,
        now,
        expiresAt,
        null,
        0);
  }

  /**
   * Issues a new code (and a new link for e-mail), replacing the previous ones. The per-code count
   * of wrong entries starts again; the flow's total does not.
   */
  IssuedCode issueCode(OneTimeSecrets secrets, RegistrationPolicy policy, Instant now) {
    ensureAlive(now);
    move(RegistrationState.CODE_SENT);
    String issued = code.issue(secrets, policy.codeRules(channel), now);
    String linkToken = null;
    if (channel == Channel.EMAIL) {
      linkToken = secrets.urlToken();
      linkTokenHash = secrets.hash(linkToken);
      linkExpiresAt = min(now.plus(policy.emailLinkTtl()), expiresAt);
    }
    return new IssuedCode(issued, linkToken);
  }

  /**
   * Checks a typed code; the contact is confirmed on the right one, for whoever holds the flow,
   * also after the link was opened elsewhere.
   */
  void confirmWithCode(String typed, OneTimeSecrets secrets, RegistrationPolicy policy, Instant now) {
    ensureAlive(now);
    if (state != RegistrationState.CODE_SENT && state != RegistrationState.LINK_OPENED) {
      throw new RegistrationProblems.WrongState();
    }
    code.verify(typed, secrets, policy.codeRules(channel), now);
    move(RegistrationState.CONTACT_CONFIRMED);
    openPasswordStep(policy, now);
  }

  /**
   * The link in the letter (which carries no personal data) was opened: the password step opens
   * for the browser that holds the link, and for no one else, so that whoever started the flow
   * with somebody else's address still needs the code from the letter.
   */
  void openLink(RegistrationPolicy policy, Instant now) {
    ensureAlive(now);
    if (state == RegistrationState.LINK_OPENED || state == RegistrationState.CONTACT_CONFIRMED) {
      // opened again (or first by a mail scanner): the same password step, nothing more
      return;
    }
    if (state != RegistrationState.CODE_SENT || linkExpiresAt == null || !now.isBefore(linkExpiresAt)) {
      throw new RegistrationProblems.LinkInvalid();
    }
    move(RegistrationState.LINK_OPENED);
    // the holder of the link gets the password step, but the click (a mail scanner's, perhaps)
    // must not shorten the time whoever started the flow has for the code
    contactConfirmedAt = now;
    Instant passwordStepEnds = now.plus(policy.passwordStepTtl());
    expiresAt = passwordStepEnds.isAfter(expiresAt) ? passwordStepEnds : expiresAt;
  }

  /** The account was opened from this flow by a client that may set its password. */
  void complete(String linkToken, OneTimeSecrets secrets, Instant now) {
    ensurePasswordStepOpen(linkToken, secrets, now);
    move(RegistrationState.COMPLETED);
  }

  /**
   * Whether the client may set the password: anyone holding the flow once the code was entered,
   * only a browser holding the link (its token, from a cookie) when the link was opened.
   */
  void ensurePasswordStepOpen(String linkToken, OneTimeSecrets secrets, Instant now) {
    ensureAlive(now);
    if (stateSeenBy(linkToken, secrets) != RegistrationState.CONTACT_CONFIRMED) {
      throw new RegistrationProblems.ContactNotConfirmed();
    }
  }

  /** The state as one client sees it: an opened link confirms the contact only to its holder. */
  RegistrationState stateSeenBy(String linkToken, OneTimeSecrets secrets) {
    if (state != RegistrationState.LINK_OPENED) {
      return state;
    }
    return secrets.matches(linkToken, linkTokenHash) ? RegistrationState.CONTACT_CONFIRMED : RegistrationState.CODE_SENT;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  Instant resendAvailableAt(RegistrationPolicy policy) {
    return code.resendAvailableAt(policy.codeRules(channel));
  }

  private void openPasswordStep(RegistrationPolicy policy, Instant now) {
    contactConfirmedAt = now;
    expiresAt = now.plus(policy.passwordStepTtl());
  }

  private void ensureAlive(Instant now) {
    if (isExpired(now) || state == RegistrationState.COMPLETED) {
      throw new RegistrationProblems.FlowNotFound();
    }
  }

  private void move(RegistrationState next) {
    if (!state.canMoveTo(next)) {
      throw new RegistrationProblems.WrongState();
    }
    state = next;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  UUID id() { return id; }
  RegistrationState state() { return state; }
  Channel channel() { return channel; }
  String contact() { return contact; }
  String lastName() { return lastName; }
  String firstName() { return firstName; }
  String locale() { return locale; }
  String termsVersion() { return termsVersion; }
  String privacyVersion() { return privacyVersion; }
  Instant consentedAt() { return consentedAt; }
  String clientAddress() { return clientAddress; }
  ConfirmationCode code() { return code; }
  String linkTokenHash() { return linkTokenHash; }
  Instant linkExpiresAt() { return linkExpiresAt; }
  Instant createdAt() { return createdAt; }
  Instant expiresAt() { return expiresAt; }
  Instant contactConfirmedAt() { return contactConfirmedAt; }
  long version() { return version; }
}
