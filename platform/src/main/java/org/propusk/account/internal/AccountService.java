package org.propusk.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountDeleted;
import org.propusk.account.AccountOpened;
import org.propusk.account.Evidence;
import org.propusk.account.IdentityConfirmed;
import org.propusk.account.IdentityProof;
import org.propusk.account.IdentityProofMethod;
import org.propusk.account.LevelChanged;
import org.propusk.account.AccountSummary;
import org.propusk.account.AcceptedPassword;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.ContactAlreadyRegistered;
import org.propusk.account.LevelProfiles;
import org.propusk.account.NewAccount;
import org.propusk.account.PasswordChanged;
import org.propusk.account.RecoveryTarget;
import org.propusk.account.SessionStanding;
import org.propusk.account.PasswordAssessment;
import org.propusk.account.PasswordPolicy;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.LoginIdentifier;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Snils;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.PersonalDataVault;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.Violation;
import org.propusk.shared.SessionEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class AccountService implements Accounts {

  /** The purpose bound into the keyed hash under which a verified SNILS is found. */
  private static final String SNILS_LOGIN = "snils-login";

  private final AccountRepository repository;
  private final PasswordEncoder passwordEncoder;
  private final PasswordPolicy passwordPolicy;
  private final ApplicationEventPublisher events;
  private final RateLimiter limiter;
  private final PersonalDataVault vault;
  private final ContactReservations reservations;
  private final OneTimeSecrets secrets;
  private final ContactChangeService contactChanges;
  private final TransactionTemplate transactions;
  private final Clock clock;
  /**
   * A hash of a random secret, forgotten at once: compared against when the login is unknown, so
   * that both cases cost one Argon2 run, and the hash of accounts opened in person.
   */
  private final String decoyHash;

  AccountService(
      AccountRepository repository,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      ApplicationEventPublisher events,
      RateLimiter limiter,
      PersonalDataVault vault,
      ContactReservations reservations,
      OneTimeSecrets secrets,
      ContactChangeService contactChanges,
      TransactionTemplate transactions,
      Clock clock) {
    this.repository = repository;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.events = events;
    this.limiter = limiter;
    this.vault = vault;
    this.reservations = reservations;
    this.secrets = secrets;
    this.contactChanges = contactChanges;
    this.transactions = transactions;
    this.clock = clock;
    this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isRegistered(Contact contact) {
    // a contact reserved by a pending change is as taken as one in use
    return repository.findByContact(contact).isPresent() || reservations.isReserved(contact);
  }

  /** No transaction: see {@link AcceptedPassword}. */
  @Override
  public AcceptedPassword acceptPassword(String password, PasswordPolicy.PersonalData person) {
    requireAcceptable(password, person);
    return new AcceptedPassword(passwordEncoder.encode(password));
  }

  /** No transaction: see {@link AcceptedPassword}; the account is read in one statement. */
  @Override
  public AcceptedPassword acceptPassword(UUID accountId, String password) {
    AccountRecord account = repository.findById(accountId).orElseThrow(SessionEnded::new);
    return acceptPassword(password, personalData(account));
  }

  @Override
  @Transactional
  public UUID open(NewAccount request) {
    if (request.password() == null) {
      throw new IllegalArgumentException("an account opened from a registration has a password");
    }
    return insert(request, request.password().hash());
  }

  @Override
  @Transactional
  public UUID openInPerson(NewAccount request) {
    if (request.password() != null) {
      throw new IllegalArgumentException("an account opened in person has no password yet");
    }
    // a hash of a secret nobody holds (made at start, as no hash runs in a transaction): no
    // password signs in until the visitor sets one by recovery
    return insert(request, decoyHash);
  }

  private UUID insert(NewAccount request, String passwordHash) {
    if (isRegistered(request.contact())) {
      throw new ContactAlreadyRegistered();
    }
    Instant now = clock.instant();
    AccountRecord account =
        AccountRecord.open(
            UUID.randomUUID(),
            request.lastName(),
            request.firstName(),
            request.contact(),
            request.contactConfirmedAt(),
            passwordHash,
            now);
    try {
      repository.insert(account);
      // a contact change reserving the same contact at this moment loses or makes this fail
      reservations.claim(request.contact(), account.id());
    } catch (DuplicateKeyException raceLost) {
      // another registration of the same contact committed first: one contact, one account
      throw new ContactAlreadyRegistered();
    }
    request
        .consents()
        .forEach(consent -> repository.insertConsent(account.id(), consent, request.clientAddress()));
    events.publishEvent(
        new AccountOpened(account.id(), LevelProfiles.evaluate(account.evidence()).level(), Occurrence.at(now)));
    return account.id();
  }

  @Override
  public void replaceContact(UUID accountId, Contact contact) {
    contactChanges.replaceInPerson(accountId, contact);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<AccountSummary> find(UUID accountId) {
    return repository.findById(accountId).map(AccountService::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<UUID> findByContact(Contact contact) {
    return repository.findByContact(contact).map(AccountRecord::id);
  }

  /**
   * No transaction: the hash (and its wait for a turn) holds no connection of the pool, which
   * every request needs for its session; the account is read in one statement.
   */
  @Override
  public Optional<UUID> authenticate(LoginIdentifier login, String password) {
    Optional<AccountRecord> account = findByLogin(login);
    String hash = account.map(AccountRecord::passwordHash).orElse(decoyHash);
    boolean matches = password != null && passwordEncoder.matches(password, hash);
    return matches ? account.map(AccountRecord::id) : Optional.empty();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RecoveryTarget> findForRecovery(LoginIdentifier login) {
    return findByLogin(login).flatMap(a -> recoveryTarget(a, login instanceof LoginIdentifier.ByEmail));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RecoveryTarget> findForRecovery(UUID accountId, boolean byEmail) {
    return repository.findById(accountId).flatMap(a -> recoveryTarget(a, byEmail));
  }

  /** A confirmed contact as stored, the asked kind first. */
  private static Optional<RecoveryTarget> recoveryTarget(AccountRecord account, boolean byEmail) {
    Optional<Contact> phone =
        Optional.ofNullable(account.phoneConfirmedAt())
            .map(confirmed -> new Contact.Phone(MobilePhone.parse(account.phone()).value()));
    Optional<Contact> email =
        Optional.ofNullable(account.emailConfirmedAt())
            .map(confirmed -> new Contact.Email(EmailAddress.parse(account.email()).value()));
    return (byEmail ? email.or(() -> phone) : phone.or(() -> email))
        .map(contact -> new RecoveryTarget(account.id(), contact));
  }

  @Override
  @Transactional
  public void changePassword(UUID accountId, AcceptedPassword password) {
    if (!store(accountId, null, password.hash())) {
      throw new SessionEnded(); // the account is gone
    }
  }

  /** No transaction around the two hashes: see {@link AcceptedPassword}. */
  @Override
  public void changePassword(UUID accountId, String currentPassword, String password, String passwordRepeat) {
    // the same budget as confirming a contact change with the password: one per account, counted
    // before the comparison (in its own transaction) so that parallel guesses cannot outrun it
    String limitKey = "account:" + accountId;
    limiter.take(LimitKind.PASSWORD_CONFIRMATION, limitKey, "password-change-limit");
    AccountRecord account =
        repository.findById(accountId).orElseThrow(SessionEnded::new);
    List<Violation> violations = new ArrayList<>();
    if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
      violations.add(new Violation("currentPassword", "wrong"));
    } else {
      limiter.reset(LimitKind.PASSWORD_CONFIRMATION, limitKey);
    }
    if (password == null || password.isEmpty()) {
      violations.add(new Violation("password", "required"));
    } else {
      passwordPolicy.assess(password, personalData(account)).violations()
          .forEach(code -> violations.add(new Violation("password", code)));
      if (!password.equals(passwordRepeat)) {
        violations.add(new Violation("passwordRepeat", "mismatch"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    String hash = passwordEncoder.encode(password);
    // the password checked above must still be the account's: a recovery may have set another
    transactions.executeWithoutResult(
        tx -> {
          if (!store(accountId, account.passwordHash(), hash)) {
            throw new InvalidInput("currentPassword", "wrong");
          }
        });
  }

  @Override
  public void confirmPassword(UUID accountId, String password) {
    // counted before the comparison, in its own transaction: parallel guesses cannot outrun it
    String limitKey = "account:" + accountId;
    limiter.take(LimitKind.PASSWORD_CONFIRMATION, limitKey, "reauthentication-limit");
    AccountRecord account =
        repository.findById(accountId).orElseThrow(SessionEnded::new);
    if (password == null || !passwordEncoder.matches(password, account.passwordHash())) {
      throw new InvalidInput("password", "wrong");
    }
    limiter.reset(LimitKind.PASSWORD_CONFIRMATION, limitKey);
  }

  /**
   * Sets the hash, while the stored one is still {@code checked} when that is given, and ends every
   * session started before now; the owner is told. False when the stored hash changed meanwhile.
   */
  private boolean store(UUID accountId, String checked, String passwordHash) {
    Instant now = clock.instant();
    if (!repository.changePassword(accountId, checked, passwordHash, now)) {
      return false;
    }
    events.publishEvent(new PasswordChanged(accountId, Occurrence.at(now)));
    return true;
  }

  @Override
  @Transactional
  public void recordEvidence(UUID accountId, Evidence evidence, boolean held) {
    String column =
        switch (evidence) {
          case VERIFIED_SNILS -> "snils_verified_at";
          case VERIFIED_PASSPORT -> "passport_verified_at";
          default -> throw new IllegalArgumentException(evidence + " is not recorded this way");
        };
    if (repository.findById(accountId).isEmpty()) {
      return; // deleted meanwhile (a check that finished late): nothing to record
    }
    Instant now = clock.instant();
    repository.setEvidence(accountId, column, held ? now : null, now);
    if (evidence == Evidence.VERIFIED_SNILS && !held) {
      repository.linkSnils(accountId, null);
    }
    announceLevel(accountId);
  }

  @Override
  @Transactional
  public void recordVerifiedSnils(UUID accountId, Snils snils) {
    if (repository.findById(accountId).isEmpty()) {
      return; // deleted meanwhile: the SNILS is no one's login
    }
    Instant now = clock.instant();
    repository.setEvidence(accountId, "snils_verified_at", now, now);
    repository.linkSnils(accountId, snilsLookup(snils));
    announceLevel(accountId);
  }

  @Override
  @Transactional
  public void recordIdentityProof(UUID accountId, IdentityProofMethod method, String source) {
    if (repository.findById(accountId).isEmpty()) {
      return; // deleted meanwhile
    }
    Instant now = clock.instant();
    IdentityProof proof = new IdentityProof(method, now, source);
    repository.setIdentityProof(accountId, proof, now);
    events.publishEvent(new IdentityConfirmed(accountId, proof, Occurrence.at(now)));
    announceLevel(accountId);
  }

  private void announceLevel(UUID accountId) {
    AccountRecord account = repository.findById(accountId).orElse(null);
    if (account == null) {
      return;
    }
    AccountLevel level = LevelProfiles.evaluate(account.evidence()).level();
    AccountLevel announced =
        account.announcedLevel() == null ? AccountLevel.SIMPLIFIED : AccountLevel.valueOf(account.announcedLevel());
    if (level != announced) {
      repository.setAnnouncedLevel(accountId, level.name());
      events.publishEvent(new LevelChanged(accountId, announced, level, Occurrence.at(clock.instant())));
    }
  }

  @Override
  @Transactional
  public void rename(UUID accountId, String lastName, String firstName) {
    repository.rename(accountId, lastName, firstName, clock.instant());
  }

  @Override
  @Transactional(readOnly = true)
  public PasswordAssessment assessPassword(UUID accountId, String password) {
    AccountRecord account =
        repository.findById(accountId).orElseThrow(SessionEnded::new);
    return passwordPolicy.assess(password == null ? "" : password, personalData(account));
  }

  private static PasswordPolicy.PersonalData personalData(AccountRecord account) {
    return new PasswordPolicy.PersonalData(
        account.lastName(), account.firstName(), account.phone(), account.email());
  }

  @Override
  @Transactional
  public void delete(UUID accountId, Locale locale) {
    Optional<AccountRecord> account = repository.lockById(accountId);
    if (account.isEmpty() || repository.delete(accountId) == 0) {
      return; // deleted by a request that came first
    }
    AccountRecord deleted = account.get();
    events.publishEvent(
        new AccountDeleted(
            accountId,
            deleted.phone() == null ? null : secrets.seal(deleted.phone()),
            deleted.email() == null ? null : secrets.seal(deleted.email()),
            locale.getLanguage(),
            Occurrence.at(clock.instant())));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SessionStanding> sessionStanding(UUID accountId) {
    return repository
        .findById(accountId)
        .map(a -> new SessionStanding(a.sessionsValidFrom(), LevelProfiles.evaluate(a.evidence()).level()));
  }

  private Optional<AccountRecord> findByLogin(LoginIdentifier login) {
    return switch (login) {
      case LoginIdentifier.ByPhone phone -> {
        Optional<AccountRecord> byPhone = repository.findByContact(new Contact.Phone(phone.phone()));
        // digits that are a SNILS too: both looked up, so that the time does not tell which exists
        Optional<AccountRecord> bySnils =
            phone.orSnils() == null ? Optional.empty() : repository.findByVerifiedSnils(snilsLookup(phone.orSnils()));
        yield byPhone.or(() -> bySnils);
      }
      case LoginIdentifier.ByEmail email -> repository.findByContact(new Contact.Email(email.email()));
      // only a SNILS the registry verified is a login; any other behaves like an unknown login
      case LoginIdentifier.BySnils snils -> repository.findByVerifiedSnils(snilsLookup(snils.snils()));
    };
  }

  private String snilsLookup(Snils snils) {
    return vault.lookupHash(SNILS_LOGIN, snils.digits());
  }

  private void requireAcceptable(String password, PasswordPolicy.PersonalData person) {
    PasswordAssessment assessment = passwordPolicy.assess(password == null ? "" : password, person);
    if (!assessment.acceptable()) {
      List<Violation> violations = new ArrayList<>();
      assessment.violations().forEach(code -> violations.add(new Violation("password", code)));
      throw new InvalidInput(violations);
    }
  }

  private static AccountSummary summary(AccountRecord account) {
    return new AccountSummary(
        account.id(),
        LevelProfiles.evaluate(account.evidence()),
        account.lastName(),
        account.firstName(),
        account.phone(),
        account.email(),
        account.phone() != null && account.phoneConfirmedAt() != null,
        account.email() != null && account.emailConfirmedAt() != null,
        account.identityProof());
  }
}
