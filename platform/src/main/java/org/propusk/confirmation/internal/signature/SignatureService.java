package org.propusk.confirmation.internal.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.IdentityProofMethod;
import org.propusk.shared.LimitKind;
import org.propusk.shared.RateLimiter;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The qualified electronic signature way to Confirmed: a Standard citizen gets a challenge, signs
 * it, and a signature whose certificate names the verified person records the proof. Pages and API
 * call the same methods.
 */
@Service
class SignatureService {

  /** A challenge as the citizen sees it. */
  record ChallengeView(UUID id, String text, Instant expiresAt, int attemptsLeft) {}

  private final SignatureChallengeRepository challenges;
  private final TrustedCertificates trust;
  private final Accounts accounts;
  private final IdentityProfiles profiles;
  private final RateLimiter limiter;
  private final SignaturePolicy policy;
  private final Clock clock;
  private final TransactionTemplate transaction;

  SignatureService(
      SignatureChallengeRepository challenges,
      TrustedCertificates trust,
      Accounts accounts,
      IdentityProfiles profiles,
      RateLimiter limiter,
      SignaturePolicy policy,
      Clock clock,
      TransactionTemplate transaction) {
    this.challenges = challenges;
    this.trust = trust;
    this.accounts = accounts;
    this.profiles = profiles;
    this.limiter = limiter;
    this.policy = policy;
    this.clock = clock;
    this.transaction = transaction;
  }

  /**
   * A new challenge for a Standard account; counted against the account's daily budget.
   *
   * @throws SignatureProblems.NotStandard for a Simplified or an already Confirmed account
   * @throws org.propusk.shared.TooManyAttempts when the day's challenges are spent
   */
  ChallengeView issue(UUID accountId) {
    requireStandard(accountId);
    limiter.take(LimitKind.SIGNATURE_CHALLENGE, accountId.toString(), "signature-challenges-spent");
    SignatureChallenge challenge = SignatureChallenge.issue(accountId, policy, clock.instant());
    challenges.insert(challenge);
    return view(challenge);
  }

  /** The account's newest challenge while it can still be signed. */
  java.util.Optional<ChallengeView> open(UUID accountId) {
    Instant now = clock.instant();
    return challenges.latest(accountId).filter(c -> c.isOpen(policy, now)).map(this::view);
  }

  /** The exact text of one of the account's challenges, to download and sign. */
  String text(UUID accountId, UUID challengeId) {
    return own(accountId, challengeId).text();
  }

  /**
   * Checks a signature (DER, PEM or Base64) over the challenge and, when its certificate names the
   * verified person, records the proof: the account is Confirmed. The attempt is counted and
   * stored before anything is checked, and stays counted whatever the outcome.
   *
   * @return the source recorded: the certificate's issuer and serial number
   * @throws org.propusk.shared.InvalidInput {@code signature} refused, with the reason
   */
  String submit(UUID accountId, UUID challengeId, byte[] signature) {
    if (challengeId == null) {
      throw new org.propusk.shared.InvalidInput("challengeId", "required");
    }
    SignatureChallenge challenge = own(accountId, challengeId);
    Instant now = clock.instant();
    challenge.countAttempt(policy, now);
    challenges.update(challenge);
    // after the challenge's own answer, so that a used one says so to the account it confirmed
    requireStandard(accountId);
    byte[] der = SignatureVerifier.decode(signature, (int) policy.maxSize().toBytes());
    SignatureVerifier.SignerCertificate certificate =
        SignatureVerifier.verify(der, challenge.content(), trust.load(), now);
    requireSamePerson(certificate, profiles.profile(accountId));
    SignatureChallenge counted = own(accountId, challengeId);
    counted.use();
    transaction.executeWithoutResult(
        tx -> {
          challenges.update(counted);
          accounts.recordIdentityProof(accountId, IdentityProofMethod.QUALIFIED_SIGNATURE, certificate.source());
        });
    return certificate.source();
  }

  void deleteOf(UUID accountId) {
    challenges.deleteOf(accountId);
  }

  int deleteExpired() {
    return challenges.deleteExpired(clock.instant());
  }

  private void requireStandard(UUID accountId) {
    AccountSummary account = accounts.find(accountId).orElseThrow(SignatureProblems.ChallengeNotFound::new);
    AccountLevel level = account.level().level();
    if (level != AccountLevel.STANDARD) {
      throw new SignatureProblems.NotStandard(level.apiName());
    }
  }

  private SignatureChallenge own(UUID accountId, UUID challengeId) {
    return challenges.find(challengeId)
        .filter(c -> c.accountId().equals(accountId))
        .orElseThrow(SignatureProblems.ChallengeNotFound::new);
  }

  /** The SNILS and the full name in the certificate are those of the verified profile. */
  private static void requireSamePerson(SignatureVerifier.SignerCertificate certificate, ProfileView profile) {
    if (certificate.snils() == null || !digits(certificate.snils()).equals(digits(profile.snils()))) {
      throw SignatureVerifier.refusal("snils-mismatch");
    }
    String givenName = profile.firstName() + (profile.patronymic() == null ? "" : " " + profile.patronymic());
    if (!sameName(certificate.surname(), profile.lastName()) || !sameName(certificate.givenName(), givenName)) {
      throw SignatureVerifier.refusal("name-mismatch");
    }
  }

  private static String digits(String snils) {
    return snils == null ? "" : snils.replaceAll("\\D", "");
  }

  /** Equal but for case, ё and е, and spaces: certificates and passports write names differently. */
  static boolean sameName(String a, String b) {
    return a != null && b != null && normal(a).equals(normal(b));
  }

  private static String normal(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  private ChallengeView view(SignatureChallenge c) {
    return new ChallengeView(c.id(), c.text(), c.expiresAt(), c.attemptsLeft(policy));
  }
}
