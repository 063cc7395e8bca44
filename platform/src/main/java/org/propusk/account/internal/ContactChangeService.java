package org.propusk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.ContactChangeCodeIssued;
import org.propusk.account.ContactChanged;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.propusk.shared.LimitKind;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing or adding a phone or e-mail: the password again first, then a code to the new contact;
 * the old contact is told once the new one is in place.
 */
@Service
class ContactChangeService {

  private final ContactChangeRepository flows;
  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final RateLimiter limiter;
  private final OneTimeSecrets secrets;
  private final ApplicationEventPublisher events;
  private final ContactChangePolicy policy;
  private final Clock clock;

  ContactChangeService(
      ContactChangeRepository flows,
      AccountRepository accounts,
      PasswordEncoder passwords,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      ContactChangePolicy policy,
      Clock clock) {
    this.flows = flows;
    this.accounts = accounts;
    this.passwords = passwords;
    this.limiter = limiter;
    this.secrets = secrets;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
  }

  record ContactChangeView(
      UUID id, String channel, String maskedContact, Instant codeExpiresAt, boolean codeSpent, Instant resendAvailableAt) {}

  /**
   * Asks for the password again, then sends a code to the new phone or e-mail. Whether the contact
   * is someone else's is an answer worth probing for: it is counted per account and per address.
   */
  @Transactional
  ContactChangeView start(
      UUID accountId, String phone, String email, String password, String clientAddress, Locale locale) {
    Instant now = clock.instant();
    String accountKey = "account:" + accountId;
    Contact contact = newContact(phone, email);
    // counted before the password is compared, so that parallel guesses cannot outrun the count
    limiter.take(LimitKind.PASSWORD_CONFIRMATION, accountKey, "password-confirmation-limit");
    AccountRecord account = accounts.findById(accountId).orElseThrow();
    if (password == null || !passwords.matches(password, account.passwordHash())) {
      throw new InvalidInput("password", "wrong");
    }
    limiter.reset(LimitKind.PASSWORD_CONFIRMATION, accountKey);
    if (contact.value().equals(current(account, contact))) {
      throw new InvalidInput(field(contact), "unchanged");
    }
    limiter.takeAll(
        "taken-check-limit",
        new RateLimiter.Counted(LimitKind.TAKEN_CHECK_ACCOUNT, accountKey),
        new RateLimiter.Counted(LimitKind.TAKEN_CHECK_CLIENT, clientAddress));
    if (accounts.findByContact(contact).isPresent()) {
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

  /** The right code puts the new contact in place and tells the old one. */
  @Transactional(noRollbackFor = ConfirmationCode.WrongCode.class)
  void confirm(UUID accountId, UUID id, String code) {
    Instant now = clock.instant();
    ContactChangeFlow flow = load(accountId, id);
    try {
      flow.confirm(code, secrets, policy, now);
    } finally {
      flows.update(flow);
    }
    AccountRecord account = accounts.findById(accountId).orElseThrow();
    Contact contact = contactOf(flow);
    String previous = current(account, contact);
    try {
      accounts.changeContact(accountId, contact, now);
    } catch (DuplicateKeyException raceLost) {
      throw new ContactAlreadyRegistered();
    }
    events.publishEvent(new ContactChanged(accountId, flow.channel().apiName(), previous, Occurrence.at(now)));
  }

  @Transactional(readOnly = true)
  ContactChangeView show(UUID accountId, UUID id) {
    return view(load(accountId, id));
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
    Contact contact = contactOf(flow);
    String masked =
        switch (contact) {
          case Contact.Phone p -> p.phone().masked();
          case Contact.Email e -> e.email().masked();
        };
    ConfirmationCode.Rules rules = policy.codeRules(flow.channel());
    return new ContactChangeView(
        flow.id(), flow.channel().apiName(), masked, flow.code().expiresAt(), flow.code().spent(rules), flow.code().resendAvailableAt(rules));
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
