package org.propusk.verification.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.identifiers.Snils;
import org.propusk.shared.Occurrence;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.propusk.verification.DocumentCheckCompleted;
import org.propusk.verification.internal.registry.InteriorMinistryRegistry;
import org.propusk.verification.internal.registry.PassportQuery;
import org.propusk.verification.internal.registry.PensionFundRegistry;
import org.propusk.verification.internal.registry.RegistrationQuery;
import org.propusk.verification.internal.registry.RegistryAnswer;
import org.propusk.verification.internal.registry.RegistryUnavailable;
import org.propusk.verification.internal.registry.SnilsQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one attempt of a check: reads the data, asks the registry outside any transaction, and
 * records the outcome unless the data was replaced meanwhile. A failed document is cleared so that
 * the citizen enters it again; a verified SNILS or passport becomes evidence for the account level.
 *
 * <p>Every transaction that writes an account's verification data takes the profile row first, then
 * the addresses, then the checks (the account row comes after the profile). A save replaces the
 * check after writing the profile or address, so an outcome locks those before its check: in the
 * other order a save and an outcome of the same account wait for each other, and the database
 * aborts one of them.
 */
@Component
class DocumentChecker {

  private final DocumentCheckRepository checks;
  private final StoredProfileRepository profiles;
  private final StoredAddressRepository addresses;
  private final ProfileSealing sealing;
  private final Registries registries;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final CheckPolicy policy;
  private final Clock clock;

  DocumentChecker(
      DocumentCheckRepository checks,
      StoredProfileRepository profiles,
      StoredAddressRepository addresses,
      ProfileSealing sealing,
      Registries registries,
      Accounts accounts,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      CheckPolicy policy,
      Clock clock) {
    this.checks = checks;
    this.profiles = profiles;
    this.addresses = addresses;
    this.sealing = sealing;
    this.registries = registries;
    this.accounts = accounts;
    this.events = events;
    this.transactions = transactions;
    this.policy = policy;
    this.clock = clock;
  }

  /** The registry ports, together. */
  @Component
  record Registries(PensionFundRegistry pensionFund, InteriorMinistryRegistry interiorMinistry) {}

  /**
   * One attempt. Returns normally when the check is finished (or no longer wanted); throws {@link
   * RegistryUnavailable} when it must be tried again later.
   */
  void run(UUID checkId) {
    Optional<Attempt> attempt = transactions.execute(tx -> prepare(checkId));
    if (attempt == null || attempt.isEmpty()) {
      return;
    }
    Attempt a = attempt.get();
    if (a.query() == null) {
      transactions.executeWithoutResult(tx -> finish(a.check(), null));
      return;
    }
    RegistryAnswer answer;
    try {
      answer = ask(a.query());
    } catch (RegistryUnavailable unavailable) {
      transactions.executeWithoutResult(tx -> unanswered(a.check()));
      if (a.check().state() == CheckState.PENDING) {
        throw unavailable;
      }
      return;
    }
    transactions.executeWithoutResult(tx -> finish(a.check(), answer));
  }

  private record Attempt(DocumentCheck check, Object query) {}

  private Optional<Attempt> prepare(UUID checkId) {
    return checks
        .find(checkId)
        .filter(DocumentCheck::isPending)
        .map(
            check -> {
              StoredProfile profile = profiles.find(check.accountId()).orElse(null);
              return new Attempt(check, profile == null ? null : query(check.document(), profile));
            });
  }

  private Object query(Document document, StoredProfile p) {
    if (p.lastName() == null || p.firstName() == null || p.birthDate() == null) {
      return null;
    }
    return switch (document) {
      case SNILS ->
          sealing.snils(p).map(s -> (Object) new SnilsQuery(s, p.lastName(), p.firstName(), p.patronymic(), p.birthDate())).orElse(null);
      case PASSPORT ->
          sealing
              .passport(p)
              .map(
                  n ->
                      (Object)
                          new PassportQuery(
                              n.substring(0, 4), n.substring(4), p.passportIssuedOn(), p.passportDivision(),
                              p.lastName(), p.firstName(), p.patronymic(), p.birthDate()))
              .orElse(null);
      case ADDRESS -> registrationQuery(p);
    };
  }

  /** The person by passport with the registration address; null without either (then invalid). */
  private Object registrationQuery(StoredProfile p) {
    Optional<String> passport = sealing.passport(p);
    return addresses
        .find(p.accountId(), StoredAddressRepository.Kind.REGISTRATION)
        .filter(a -> passport.isPresent())
        .map(
            a ->
                (Object)
                    new RegistrationQuery(
                        passport.get().substring(0, 4), passport.get().substring(4), p.lastName(),
                        p.firstName(), p.patronymic(), p.birthDate(), a.postalIndex().value(),
                        a.region().code(), text(a.district()), a.settlement().value(), text(a.street()),
                        a.house().value(), text(a.building()), text(a.flat())))
        .orElse(null);
  }

  private static String text(org.propusk.identifiers.AddressPart part) {
    return part == null ? null : part.value();
  }

  private RegistryAnswer ask(Object query) {
    return switch (query) {
      case SnilsQuery snils -> registries.pensionFund().checkSnils(snils);
      case PassportQuery passport -> registries.interiorMinistry().checkPassport(passport);
      case RegistrationQuery registration -> registries.interiorMinistry().checkRegistration(registration);
      default -> throw new IllegalArgumentException("unknown query");
    };
  }

  private void unanswered(DocumentCheck check) {
    lockWhatTheOutcomeMayChange(check);
    check.unanswered(clock.instant(), policy.giveUpAfter());
    if (checks.update(check) && check.state() == CheckState.FAILED) {
      concluded(check);
    }
  }

  private void finish(DocumentCheck check, RegistryAnswer answer) {
    lockWhatTheOutcomeMayChange(check);
    if (answer == null) {
      check.invalid(clock.instant());
    } else {
      check.answered(answer, clock.instant());
    }
    if (checks.update(check)) {
      concluded(check);
    }
  }

  /** A failure clears the document: its rows are locked before the check's (see the class doc). */
  private void lockWhatTheOutcomeMayChange(DocumentCheck check) {
    profiles.lock(check.accountId());
    if (check.document() == Document.ADDRESS) {
      addresses.lockAll(check.accountId());
    }
  }

  private void concluded(DocumentCheck check) {
    if (check.state() == CheckState.FAILED) {
      // cleared for re-entry
      switch (check.document()) {
        case SNILS -> profiles.clearSnils(check.accountId(), clock.instant());
        case PASSPORT -> profiles.clearPassport(check.accountId(), clock.instant());
        case ADDRESS -> addresses.remove(check.accountId(), StoredAddressRepository.Kind.REGISTRATION);
      }
    }
    Optional<String> verifiedSnils =
        check.state() == CheckState.VERIFIED && check.document() == Document.SNILS
            ? profiles.find(check.accountId()).flatMap(sealing::snils)
            : Optional.empty();
    if (verifiedSnils.isPresent()) {
      accounts.recordVerifiedSnils(check.accountId(), new Snils(verifiedSnils.get()));
    } else if (check.document() != Document.ADDRESS) { // an address is no evidence for the level
      accounts.recordEvidence(
          check.accountId(), ProfileService.evidenceOf(check.document()), check.state() == CheckState.VERIFIED);
    }
    events.publishEvent(
        new DocumentCheckCompleted(
            check.accountId(), check.document(), check.state(), check.reason(), Occurrence.at(clock.instant())));
  }
}
