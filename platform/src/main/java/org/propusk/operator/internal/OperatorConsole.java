package org.propusk.operator.internal;

import java.util.Optional;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.Contact;
import org.propusk.account.IdentityProofMethod;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.Snils;
import org.propusk.operator.OperatorAction;
import org.propusk.operator.OperatorActed;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.Problem;
import org.propusk.shared.RateLimiter;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does at the console: find a citizen by SNILS, passport or phone (each search
 * counted per operator before it runs, and audited without the value searched for), and confirm a
 * Standard citizen's identity after comparing the passport in hand with the verified profile.
 */
@Service
class OperatorConsole {

  private final CentreService centres;
  private final Accounts accounts;
  private final IdentityProfiles profiles;
  private final RateLimiter limiter;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  OperatorConsole(
      CentreService centres,
      Accounts accounts,
      IdentityProfiles profiles,
      RateLimiter limiter,
      ApplicationEventPublisher events,
      java.time.Clock clock) {
    this.centres = centres;
    this.accounts = accounts;
    this.profiles = profiles;
    this.limiter = limiter;
    this.events = events;
    this.clock = clock;
  }

  /** The centre the operator works at. @throws NoCentre for an operator no centre has */
  ServiceCentre centreOf(UUID operatorId) {
    return centres.centreOf(operatorId).orElseThrow(NoCentre::new);
  }

  /**
   * Finds the citizen the search names.
   *
   * @throws InvalidInput the search's fields against the identifier rules
   * @throws org.propusk.shared.TooManyAttempts past the operator's searches per hour
   */
  @Transactional
  Optional<CitizenCard> search(UUID operatorId, CitizenSearch search) {
    ServiceCentre centre = centreOf(operatorId);
    CitizenSearch.Valid valid = search.validate();
    // counted before the lookup, in its own transaction: a refusal or an error keeps the count
    limiter.take(LimitKind.OPERATOR_SEARCH, "operator:" + operatorId, "operator-search-limit");
    Optional<UUID> found =
        switch (valid) {
          case CitizenSearch.Valid.BySnils(Snils snils) -> profiles.findBySnils(snils);
          case CitizenSearch.Valid.ByPassport(PassportNumber passport) -> profiles.findByPassport(passport);
          case CitizenSearch.Valid.ByPhone(MobilePhone phone) -> accounts.findByContact(new Contact.Phone(phone));
        };
    events.publishEvent(
        new OperatorActed(
            operatorId,
            centre.code(),
            centre.name(),
            OperatorAction.SEARCHED,
            found.orElse(null),
            "by=" + valid.kind() + " found=" + found.isPresent(),
            Occurrence.at(clock.instant())));
    return found.flatMap(this::card);
  }

  /** The card of a citizen the operator found. */
  @Transactional(readOnly = true)
  Optional<CitizenCard> card(UUID accountId) {
    Optional<AccountSummary> account = accounts.find(accountId);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    ProfileView profile = profiles.profile(accountId);
    return Optional.of(
        new CitizenCard(
            accountId,
            profile.lastName(),
            profile.firstName(),
            profile.patronymic(),
            profile.birthDate(),
            profile.snils() == null ? null : profile.snils().substring(profile.snils().length() - 5),
            profile.snilsStatus().state(),
            profile.passportNumber() == null
                ? null
                : profile.passportSeries().substring(0, 2) + " " + profile.passportSeries().substring(2) + " ••••" + profile.passportNumber().substring(4),
            profile.passportStatus().state(),
            account.get().level().level(),
            account.get().identityProof()));
  }

  /**
   * Records that the operator compared the passport presented with the verified profile: the
   * account becomes Confirmed, with the centre's name as the source.
   *
   * @throws InvalidInput {@code passportMatches} when the operator did not tick it
   * @throws NotStandard for a Simplified account (documents not entered or not verified)
   * @throws AlreadyConfirmed when the identity is proven already
   */
  @Transactional
  void confirm(UUID operatorId, UUID citizenId, boolean passportMatches) {
    ServiceCentre centre = centreOf(operatorId);
    AccountSummary account = accounts.find(citizenId).orElseThrow(UnknownCitizen::new);
    if (account.identityProof() != null) {
      throw new AlreadyConfirmed();
    }
    if (account.level().level() != AccountLevel.STANDARD) {
      throw new NotStandard();
    }
    if (!passportMatches) {
      throw new InvalidInput("passportMatches", "required");
    }
    accounts.recordIdentityProof(citizenId, IdentityProofMethod.SERVICE_CENTRE, centre.name());
    events.publishEvent(
        new OperatorActed(
            operatorId, centre.code(), centre.name(), OperatorAction.IDENTITY_CONFIRMED, citizenId, "", Occurrence.at(clock.instant())));
  }

  /** An operator whom no centre has (the role granted outside the centres' page). */
  static final class NoCentre extends Problem {
    NoCentre() {
      super(403, "operator-without-centre");
    }
  }

  static final class UnknownCitizen extends Problem {
    UnknownCitizen() {
      super(404, "unknown-citizen");
    }
  }

  /** Only a Standard account (SNILS and passport verified) has a profile to compare the passport with. */
  static final class NotStandard extends Problem {
    NotStandard() {
      super(409, "not-standard");
    }
  }

  static final class AlreadyConfirmed extends Problem {
    AlreadyConfirmed() {
      super(409, "already-confirmed");
    }
  }
}
