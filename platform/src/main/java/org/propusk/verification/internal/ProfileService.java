package org.propusk.verification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.account.Evidence;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.Snils;
import org.propusk.shared.ChangedMeanwhile;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.Occurrence;
import org.propusk.shared.Violation;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.propusk.verification.DocumentStatus;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileChanged;
import org.propusk.verification.ProfileForm;
import org.propusk.verification.ProfileView;
import org.propusk.shared.SessionEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProfileService implements IdentityProfiles {

  private final StoredProfileRepository profiles;
  private final DocumentCheckRepository checks;
  private final ProfileRules rules;
  private final ProfileSealing sealing;
  private final DocumentCheckScheduler scheduler;
  private final Accounts accounts;
  private final RateLimiter limiter;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProfileService(
      StoredProfileRepository profiles,
      DocumentCheckRepository checks,
      ProfileRules rules,
      ProfileSealing sealing,
      DocumentCheckScheduler scheduler,
      Accounts accounts,
      RateLimiter limiter,
      ApplicationEventPublisher events,
      Clock clock) {
    this.profiles = profiles;
    this.checks = checks;
    this.rules = rules;
    this.sealing = sealing;
    this.scheduler = scheduler;
    this.accounts = accounts;
    this.limiter = limiter;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public ProfileView profile(UUID accountId) {
    Optional<StoredProfile> stored = profiles.find(accountId);
    List<DocumentCheck> latest = checks.ofAccount(accountId);
    return stored
        .map(p -> sealing.view(p, status(latest, Document.SNILS), status(latest, Document.PASSPORT)))
        .orElseGet(() -> namesFromAccount(accountId, latest));
  }

  @Override
  @Transactional
  public ProfileView save(UUID accountId, ProfileForm form, String clientAddress) {
    ValidProfile valid = rules.check(form);
    Optional<StoredProfile> before = profiles.find(accountId);
    long version = before.map(StoredProfile::version).orElse(0L);
    if (form.version() != null && form.version() != version) {
      throw new ChangedMeanwhile();
    }
    StoredProfile after = sealing.seal(accountId, valid, version);
    Set<String> changed = changedFields(before.orElse(null), after);
    EnumSet<Document> rechecked = rechecked(changed, after);
    Set<Document> losing = EnumSet.copyOf(rechecked);
    losing.retainAll(verifiedDocuments(accountId));
    // asked before the "taken" check, so that the warning's round trip spends no limited attempt
    if (!losing.isEmpty() && !Boolean.TRUE.equals(form.confirmRecheck())) {
      throw new RecheckNotConfirmed(losing);
    }
    refuseDocumentsOfOthers(accountId, before.orElse(null), after, clientAddress);
    Instant now = clock.instant();
    // for a save that names its version, one that committed after this one read the profile makes
    // it stale (409); a save without one replaces whatever is stored, as before versions existed
    if (!profiles.save(after, before.isPresent(), form.version() != null, now)) {
      throw new ChangedMeanwhile();
    }
    for (Document document : rechecked) {
      String lookup = document == Document.SNILS ? after.snilsLookup() : after.passportLookup();
      restart(accountId, document, lookup != null, now);
    }
    if (changed.contains("lastName") || changed.contains("firstName")) {
      accounts.rename(accountId, after.lastName(), after.firstName());
    }
    if (!changed.isEmpty()) {
      events.publishEvent(new ProfileChanged(accountId, Set.copyOf(changed), Occurrence.at(now)));
    }
    return profile(accountId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<UUID> findBySnils(Snils snils) {
    return profiles.findBySnilsLookup(sealing.snilsLookup(snils));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<UUID> findByPassport(PassportNumber passport) {
    return profiles.findByPassportLookup(sealing.passportLookup(passport));
  }

  @Override
  @Transactional(readOnly = true)
  public Set<Document> verifiedDocuments(UUID accountId) {
    Set<Document> verified = EnumSet.noneOf(Document.class);
    checks.ofAccount(accountId).stream()
        .filter(check -> check.state() == CheckState.VERIFIED)
        .forEach(check -> verified.add(check.document()));
    return verified;
  }

  /**
   * The documents to check again: those whose data changed, and those present whose holder (names,
   * birth date) changed, because the registry matched them with the holder.
   */
  private static EnumSet<Document> rechecked(Set<String> changed, StoredProfile after) {
    boolean holderChanged =
        changed.contains("lastName") || changed.contains("firstName") || changed.contains("patronymic") || changed.contains("birthDate");
    EnumSet<Document> rechecked = EnumSet.noneOf(Document.class);
    if (changed.contains("snils") || (holderChanged && after.snilsLookup() != null)) {
      rechecked.add(Document.SNILS);
    }
    if (changed.contains("passport") || (holderChanged && after.passportLookup() != null)) {
      rechecked.add(Document.PASSPORT);
    }
    return rechecked;
  }

  /** New data means a new check; the evidence of the old one no longer counts. */
  private void restart(UUID accountId, Document document, boolean present, Instant now) {
    accounts.recordEvidence(accountId, evidenceOf(document), false);
    if (present) {
      DocumentCheck check = DocumentCheck.start(accountId, document, now);
      checks.replace(check);
      scheduler.schedule(check.id());
    } else {
      checks.remove(accountId, document);
    }
  }

  /**
   * "Taken" tells that someone holds a document, so every check of a newly entered number is
   * counted per account and per address before it is answered.
   */
  private void refuseDocumentsOfOthers(
      UUID accountId, StoredProfile before, StoredProfile after, String clientAddress) {
    boolean newSnils = after.snilsLookup() != null && (before == null || !after.snilsLookup().equals(before.snilsLookup()));
    boolean newPassport =
        after.passportLookup() != null && (before == null || !after.passportLookup().equals(before.passportLookup()));
    if (newSnils || newPassport) {
      limiter.takeAll(
          "taken-check-limit",
          new RateLimiter.Counted(LimitKind.TAKEN_CHECK_ACCOUNT, "account:" + accountId),
          new RateLimiter.Counted(LimitKind.TAKEN_CHECK_CLIENT, clientAddress));
    }
    if (profiles.snilsHeldByAnother(accountId, after.snilsLookup())) {
      throw new InvalidInput(List.of(new Violation("snils", "taken")));
    }
    if (profiles.passportHeldByAnother(accountId, after.passportLookup())) {
      throw new InvalidInput(List.of(new Violation("passportNumber", "taken")));
    }
  }

  static Evidence evidenceOf(Document document) {
    return switch (document) {
      case SNILS -> Evidence.VERIFIED_SNILS;
      case PASSPORT -> Evidence.VERIFIED_PASSPORT;
      case ADDRESS -> throw new IllegalArgumentException("an address is no evidence for the level");
    };
  }

  private static Set<String> changedFields(StoredProfile before, StoredProfile after) {
    Set<String> changed = new LinkedHashSet<>();
    if (before == null) {
      before = new StoredProfile(after.accountId(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0);
    }
    compare(changed, "lastName", before.lastName(), after.lastName());
    compare(changed, "firstName", before.firstName(), after.firstName());
    compare(changed, "patronymic", before.patronymic(), after.patronymic());
    compare(changed, "gender", before.gender(), after.gender());
    compare(changed, "birthDate", before.birthDate(), after.birthDate());
    compare(changed, "birthPlace", before.birthPlace(), after.birthPlace());
    compare(changed, "citizenship", before.citizenship(), after.citizenship());
    compare(changed, "snils", before.snilsLookup(), after.snilsLookup());
    compare(
        changed,
        "passport",
        List.of(Objects.toString(before.passportLookup()), Objects.toString(before.passportIssuedOn()), Objects.toString(before.passportDivision())),
        List.of(Objects.toString(after.passportLookup()), Objects.toString(after.passportIssuedOn()), Objects.toString(after.passportDivision())));
    compare(changed, "passportIssuer", before.passportIssuer(), after.passportIssuer());
    compare(changed, "foreignDocument", before.foreignDocSealed() == null, after.foreignDocSealed() == null);
    return changed;
  }

  private static void compare(Set<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }

  private static DocumentStatus status(List<DocumentCheck> latest, Document document) {
    return latest.stream()
        .filter(check -> check.document() == document)
        .findFirst()
        .map(check -> new DocumentStatus(check.state(), check.reason()))
        .orElse(DocumentStatus.NOT_ENTERED);
  }

  /** Before the first save the form starts from the names given at registration. */
  private ProfileView namesFromAccount(UUID accountId, List<DocumentCheck> latest) {
    return accounts
        .find(accountId)
        .map(
            a ->
                new ProfileView(
                    a.lastName(), a.firstName(), null, null, null, null, "RU", null, null, null, null, null,
                    null, null, null, null, status(latest, Document.SNILS), status(latest, Document.PASSPORT), 0))
        .orElseThrow(SessionEnded::new);
  }
}
