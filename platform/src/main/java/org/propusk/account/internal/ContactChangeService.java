package org.propusk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.ContactChangeCancelled;
import org.propusk.account.ContactChangeCodeIssued;
import org.propusk.account.ContactChangeScheduled;
import org.propusk.account.ContactChanged;
import org.propusk.account.ContactsReplaced;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.RecentAuthentication;
import org.propusk.shared.SessionEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing or adding a phone or e-mail: a password proven within the re-authentication window, a
 * code to the new contact, then a cooling-off period during which the old contact stays the
 * account's, was told at once and can cancel the change with a link; a background job then puts
 * the new contact in place.
 */
@Service
class ContactChangeService {

  private static final Logger log = LoggerFactory.getLogger(ContactChangeService.class);
  /** Changes applied per transaction batch by one run of the job. */
  private static final int BATCH = 100;

  private final ContactChangeRepository flows;
  private final AccountRepository accounts;
  private final ContactReservations reservations;
  private final RecentAuthentication recentAuthentication;
  private final RateLimiter limiter;
  private final OneTimeSecrets secrets;
  private final ApplicationEventPublisher events;
  private final ContactChangePolicy policy;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ContactChangeService(
      ContactChangeRepository flows,
      AccountRepository accounts,
      ContactReservations reservations,
      RecentAuthentication recentAuthentication,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      ContactChangePolicy policy,
      TransactionTemplate transactions,
      Clock clock) {
    this.flows = flows;
    this.accounts = accounts;
    this.reservations = reservations;
    this.recentAuthentication = recentAuthentication;
    this.limiter = limiter;
    this.secrets = secrets;
    this.events = events;
    this.policy = policy;
    this.transactions = transactions;
    this.clock = clock;
  }

  record ContactChangeView(
      UUID id, String channel, String maskedContact, Instant codeExpiresAt, boolean codeSpent, Instant resendAvailableAt) {}

  /** A change waiting out its cooling-off period: what changes, to what (masked), and when. */
  record PendingView(UUID id, String channel, String maskedContact, Instant effectiveAt) {}

  /**
   * Sends a code to the new phone or e-mail, for a citizen who proved the password recently.
   * Whether the contact is someone else's is an answer worth probing for: it is counted per account
   * and per address.
   *
   * @throws org.propusk.shared.ReauthenticationRequired when the password is too long ago
   * @throws AccountProblems.ChangePending while another change waits out its cooling-off period
   */
  @Transactional
  ContactChangeView start(UUID accountId, String phone, String email, String clientAddress, Locale locale) {
    recentAuthentication.require();
    Instant now = clock.instant();
    Contact contact = newContact(phone, email);
    if (flows.findPending(accountId).isPresent()) {
      throw new AccountProblems.ChangePending();
    }
    AccountRecord account = accounts.findById(accountId).orElseThrow(SessionEnded::new);
    if (contact.value().equals(current(account, contact))) {
      throw new InvalidInput(field(contact), "unchanged");
    }
    limiter.takeAll(
        "taken-check-limit",
        new RateLimiter.Counted(LimitKind.TAKEN_CHECK_ACCOUNT, "account:" + accountId),
        new RateLimiter.Counted(LimitKind.TAKEN_CHECK_CLIENT, clientAddress));
    if (accounts.findByContact(contact).isPresent() || reservations.isReserved(contact)) {
      throw new ContactAlreadyRegistered();
    }
    ContactChangeFlow flow =
        ContactChangeFlow.start(
            accountId,
            contact instanceof Contact.Phone ? ContactChangeFlow.Channel.SMS : ContactChangeFlow.Channel.EMAIL,
            contact.value(),
            locale,
            policy,
            now);
    String code = issue(flow, now);
    flows.insert(flow);
    publish(flow, code);
    return view(flow);
  }

  @Transactional
  ContactChangeView resend(UUID accountId, UUID id) {
    Instant now = clock.instant();
    ContactChangeFlow flow = load(accountId, id);
    String code = issue(flow, now);
    flows.update(flow);
    publish(flow, code);
    return view(flow);
  }

  /**
   * The right code reserves the new contact and starts the cooling-off period; the account's
   * contacts are told at once, with the link that cancels the change.
   */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  PendingView confirm(UUID accountId, UUID id, String code) {
    Instant now = clock.instant();
    lockAccount(accountId);
    ContactChangeFlow flow = load(accountId, id);
    String token;
    try {
      token = flow.confirm(code, secrets, policy, now);
    } finally {
      flows.update(flow);
    }
    Contact contact = contactOf(flow);
    if (flows.findPending(accountId).filter(other -> !other.id().equals(flow.id())).isPresent()) {
      throw new AccountProblems.ChangePending();
    }
    try {
      reservations.reserve(contact, accountId, flow.id());
    } catch (DuplicateKeyException raceLost) {
      // (PostgreSQL takes no further statement in this transaction) the contact is reserved or
      // being registered, or, rarer, another change of this account became pending meanwhile
      throw new ContactAlreadyRegistered();
    }
    // looked at only after the reservation is written: a registration of the same contact either
    // committed before (seen here) or meets the reservation (see ContactReservations)
    if (accounts.findByContact(contact).isPresent()) {
      throw new ContactAlreadyRegistered();
    }
    events.publishEvent(
        new ContactChangeScheduled(
            accountId, flow.channel().apiName(), masked(contact), flow.effectiveAt(), secrets.seal(token), flow.locale(),
            Occurrence.at(now)));
    return pendingView(flow);
  }

  @Transactional(readOnly = true)
  ContactChangeView show(UUID accountId, UUID id) {
    return view(load(accountId, id));
  }

  @Transactional(readOnly = true)
  Optional<PendingView> pending(UUID accountId) {
    return flows.findPending(accountId).map(this::pendingView);
  }

  /** What the cancel link would cancel; empty when the link is unknown, used or past its time. */
  @Transactional(readOnly = true)
  Optional<PendingView> pendingByCancelToken(String token) {
    return byCancelToken(token).map(this::pendingView);
  }

  /**
   * Cancels the change the link was sent for; single use. Whoever started the change may hold a
   * session of the account that its owner did not want: every session of the account ends.
   *
   * @throws AccountProblems.ContactChangeNotFound when the link is unknown, used or past its time
   */
  @Transactional
  void cancelByToken(String token) {
    Instant now = clock.instant();
    ContactChangeFlow flow = byCancelToken(token).orElseThrow(AccountProblems.ContactChangeNotFound::new);
    lockAccount(flow.accountId());
    cancel(flow, now);
    accounts.endSessions(flow.accountId(), now);
    events.publishEvent(new ContactChangeCancelled(flow.accountId(), flow.channel().apiName(), true, Occurrence.at(now)));
  }

  /** The signed-in owner cancels the account's pending change; sessions go on. */
  @Transactional
  void cancelPending(UUID accountId) {
    Instant now = clock.instant();
    ContactChangeFlow flow = flows.findPending(accountId).orElseThrow(AccountProblems.ContactChangeNotFound::new);
    cancel(flow, now);
    events.publishEvent(new ContactChangeCancelled(accountId, flow.channel().apiName(), false, Occurrence.at(now)));
  }

  private void cancel(ContactChangeFlow flow, Instant now) {
    flow.cancel(now);
    flows.update(flow);
    reservations.release(flow.id());
  }

  /**
   * Replaces every contact of the account with one proven at a service centre (see {@link
   * org.propusk.account.Accounts#replaceContact}). A pending change is cancelled: it was started
   * from a session of the lost contacts' time, perhaps by whoever holds them now.
   *
   * @throws ContactAlreadyRegistered when the contact is another account's or reserved
   */
  @Transactional
  void replaceInPerson(UUID accountId, Contact contact) {
    Instant now = clock.instant();
    AccountRecord account = lockAccount(accountId).orElseThrow(AccountProblems.AccountGone::new);
    flows.findPending(accountId).ifPresent(flow -> cancel(flow, now));
    if (accounts.findByContact(contact).filter(owner -> !owner.id().equals(accountId)).isPresent()
        || reservations.isReserved(contact)) {
      throw new ContactAlreadyRegistered();
    }
    try {
      // as a registration does: a change reserving the same contact meanwhile loses or makes this fail
      reservations.claim(contact, accountId);
      accounts.replaceContacts(accountId, contact, now);
    } catch (DuplicateKeyException raceLost) {
      throw new ContactAlreadyRegistered();
    }
    events.publishEvent(
        new ContactsReplaced(
            accountId,
            contact instanceof Contact.Phone ? ContactChangeFlow.Channel.SMS.apiName() : ContactChangeFlow.Channel.EMAIL.apiName(),
            contact.value().equals(account.phone()) ? null : account.phone(),
            contact.value().equals(account.email()) ? null : account.email(),
            Occurrence.at(now)));
  }

  /**
   * The account row, locked before the flow and its reservation are written: the account's deletion
   * takes the row first, and in the other order the two would wait for each other.
   */
  private Optional<AccountRecord> lockAccount(UUID accountId) {
    return accounts.lockById(accountId);
  }

  private Optional<ContactChangeFlow> byCancelToken(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return flows.findByCancelTokenHash(secrets.hash(token)).filter(flow -> flow.cancellable(clock.instant()));
  }

  /**
   * Puts in place every change whose cooling-off period is over, each in its own transaction. Run
   * by one node at a time (a db-scheduler recurring task); a change applied or cancelled meanwhile
   * elsewhere fails its version check and is left alone, so running it twice changes nothing.
   *
   * @return how many were applied
   */
  int applyDue() {
    int applied = 0;
    for (UUID id : flows.findDue(clock.instant(), BATCH)) {
      try {
        if (Boolean.TRUE.equals(transactions.execute(status -> applyOne(id)))) {
          applied++;
        }
      } catch (AccountProblems.ConcurrentChange movedMeanwhile) {
        log.debug("Contact change {} moved meanwhile; left alone", id);
      }
    }
    return applied;
  }

  private boolean applyOne(UUID id) {
    Instant now = clock.instant();
    ContactChangeFlow flow = flows.find(id).filter(f -> f.due(now)).orElse(null);
    if (flow == null) {
      return false;
    }
    Optional<AccountRecord> account = lockAccount(flow.accountId());
    flow.apply(now);
    flows.update(flow);
    reservations.release(flow.id());
    if (account.isEmpty()) {
      return false; // the account is gone (its reservation went with it)
    }
    Contact contact = contactOf(flow);
    String previous = current(account.get(), contact);
    // the reservation kept everyone else off the contact: the unique keys cannot be hit here
    accounts.changeContact(flow.accountId(), contact, now);
    events.publishEvent(
        new ContactChanged(flow.accountId(), flow.channel().apiName(), previous, new Occurrence(now, null)));
    return true;
  }

  @Transactional
  int deleteFinishedFlows() {
    return flows.deleteFinished(clock.instant());
  }

  private String issue(ContactChangeFlow flow, Instant now) {
    String code = flow.issueCode(secrets, policy, now);
    limiter.take(LimitKind.CONTACT_CODE, flow.contact().toLowerCase(Locale.ROOT), "code-limit");
    return code;
  }

  private void publish(ContactChangeFlow flow, String code) {
    events.publishEvent(
        new ContactChangeCodeIssued(
            flow.id(), flow.channel().apiName(), flow.contact(), secrets.seal(code), flow.code().expiresAt(), flow.locale()));
  }

  private ContactChangeFlow load(UUID accountId, UUID id) {
    return flows
        .find(id)
        .filter(flow -> flow.isOpenFor(accountId, clock.instant()))
        .orElseThrow(AccountProblems.ContactChangeNotFound::new);
  }

  private ContactChangeView view(ContactChangeFlow flow) {
    ConfirmationCode.Rules rules = policy.codeRules(flow.channel());
    return new ContactChangeView(
        flow.id(), flow.channel().apiName(), masked(contactOf(flow)), flow.code().expiresAt(), flow.code().spent(rules),
        flow.code().resendAvailableAt(rules));
  }

  private PendingView pendingView(ContactChangeFlow flow) {
    return new PendingView(flow.id(), flow.channel().apiName(), masked(contactOf(flow)), flow.effectiveAt());
  }

  private static String masked(Contact contact) {
    return switch (contact) {
      case Contact.Phone p -> p.phone().masked();
      case Contact.Email e -> e.email().masked();
    };
  }

  private static Contact newContact(String phone, String email) {
    boolean hasPhone = phone != null && !phone.isBlank();
    boolean hasEmail = email != null && !email.isBlank();
    if (hasPhone == hasEmail) {
      throw new InvalidInput("contact", hasPhone ? "one_only" : "required");
    }
    if (hasPhone) {
      return switch (MobilePhone.parse(phone)) {
        case Parsed.Valid<MobilePhone> valid -> new Contact.Phone(valid.value());
        case Parsed.Invalid<MobilePhone> invalid -> throw new InvalidInput("phone", invalid.code());
      };
    }
    return switch (EmailAddress.parse(email)) {
      case Parsed.Valid<EmailAddress> valid -> new Contact.Email(valid.value());
      case Parsed.Invalid<EmailAddress> invalid -> throw new InvalidInput("email", invalid.code());
    };
  }

  private static Contact contactOf(ContactChangeFlow flow) {
    return flow.channel() == ContactChangeFlow.Channel.SMS
        ? new Contact.Phone(MobilePhone.parse(flow.contact()).value())
        : new Contact.Email(EmailAddress.parse(flow.contact()).value());
  }

  private static String current(AccountRecord account, Contact contact) {
    return contact instanceof Contact.Phone ? account.phone() : account.email();
  }

  private static String field(Contact contact) {
    return contact instanceof Contact.Phone ? "phone" : "email";
  }
}
