package org.propusk.confirmation.internal.post;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.propusk.account.AccountDeleted;
import org.propusk.account.AccountLevel;
import org.propusk.account.AccountSummary;
import org.propusk.account.Accounts;
import org.propusk.account.IdentityProofMethod;
import org.propusk.identifiers.PostalAddress;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitKind;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.RateLimiter;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileAddresses;
import org.propusk.verification.ProfileView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The code by registered post: a Standard citizen with a verified registration address asks for a
 * letter (at most 3 in 30 days, counted first); an administrator prints the queued letters as one
 * PDF, which draws each code and keeps only its keyed hash, then marks them sent; the citizen
 * enters the code (at most 5 entries per letter, each counted in its own transaction before the
 * check), and the right one records the proof of identity.
 */
@Service
class PostLetters {

  /** The letters shown to the citizen. */
  record LetterView(
      String shortId, String state, Instant requestedAt, Instant printedAt, Instant expiresAt, int entriesLeft) {}

  /** What the post block of the ways page shows. */
  record Way(AccountLevel level, boolean addressVerified, List<LetterView> letters) {

    /** The newest letter that has a code (printed), whose code may be entered. */
    public Optional<LetterView> awaitingCode() {
      return letters.stream().filter(l -> l.state().equals("printed") || l.state().equals("sent")).findFirst();
    }
  }

  /** A downloaded batch: the PDF and how many letters it holds. */
  record Batch(byte[] pdf, int letters) {}

  private final PostLetterRepository letters;
  private final Accounts accounts;
  private final IdentityProfiles profiles;
  private final ProfileAddresses addresses;
  private final RateLimiter limiter;
  private final OneTimeSecrets secrets;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String publicUrl;

  PostLetters(
      PostLetterRepository letters,
      Accounts accounts,
      IdentityProfiles profiles,
      ProfileAddresses addresses,
      RateLimiter limiter,
      OneTimeSecrets secrets,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${propusk.public-url}") String publicUrl) {
    this.letters = letters;
    this.accounts = accounts;
    this.profiles = profiles;
    this.addresses = addresses;
    this.limiter = limiter;
    this.secrets = secrets;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  @Transactional(readOnly = true)
  Way way(UUID accountId) {
    AccountLevel level = level(accountId);
    boolean verified = level != AccountLevel.SIMPLIFIED && addresses.verifiedRegistrationAddress(accountId).isPresent();
    Instant now = clock.instant();
    List<LetterView> views =
        letters.ofAccount(accountId).stream()
            .map(l -> new LetterView(l.shortId(), l.stateAt(now).apiName(), l.requestedAt, l.printedAt, l.expiresAt, l.entriesLeft()))
            .toList();
    return new Way(level, verified, views);
  }

  /**
   * Queues a letter to the verified registration address.
   *
   * @throws PostLetterProblem when the account is not Standard, already Confirmed, or has no
   *     verified registration address
   * @throws org.propusk.shared.TooManyAttempts for a fourth letter within 30 days
   */
  @Transactional
  LetterView request(UUID accountId) {
    AccountLevel level = level(accountId);
    if (level == AccountLevel.CONFIRMED) {
      throw PostLetterProblem.alreadyConfirmed();
    }
    if (level != AccountLevel.STANDARD) {
      throw PostLetterProblem.notStandard();
    }
    PostalAddress address = addresses.verifiedRegistrationAddress(accountId).orElseThrow(PostLetterProblem::noVerifiedAddress);
    // counted in the limiter's own transaction before the letter exists: parallel requests cannot pass 3
    limiter.take(LimitKind.POST_LETTER, "account:" + accountId, "post-letter-limit");
    Instant now = clock.instant();
    PostLetter letter =
        new PostLetter(
            UUID.randomUUID(), accountId, recipient(accountId), String.join("\n", address.envelopeLines()),
            PostLetterState.QUEUED, null, 0, now, null, null);
    letters.insert(letter);
    return new LetterView(letter.shortId(), "queued", now, null, null, PostLetter.MAX_ENTRIES);
  }

  /**
   * Checks a code from the newest printed letter; the right one uses the letter and records the
   * proof of identity, so that the account is Confirmed.
   *
   * @throws InvalidInput when nothing was typed
   * @throws PostLetterProblem for a wrong code (with the entries left), a spent, expired or used
   *     letter, none printed yet, or an account that is no longer Standard
   */
  void enter(UUID accountId, String typed) {
    if (PostCode.normalise(typed).isEmpty()) {
      throw new InvalidInput("code", "required"); // nothing typed: no entry to count
    }
    AccountLevel level = level(accountId);
    if (level == AccountLevel.CONFIRMED) {
      throw PostLetterProblem.alreadyConfirmed();
    }
    if (level != AccountLevel.STANDARD) {
      throw PostLetterProblem.notStandard();
    }
    PostLetter letter =
        letters.ofAccount(accountId).stream()
            .filter(l -> l.state != PostLetterState.QUEUED)
            .max(Comparator.comparing(l -> l.printedAt))
            .orElseThrow(PostLetterProblem::noLetter);
    Instant now = clock.instant();
    switch (letter.stateAt(now)) {
      case USED -> throw PostLetterProblem.used();
      case EXPIRED -> {
        letters.markExpired(letter.id, now);
        throw PostLetterProblem.expired();
      }
      default -> {}
    }
    // counted and committed before the check, so that a refusal or a rollback never gives it back
    if (!Boolean.TRUE.equals(ownTransaction.execute(tx -> letters.countEntry(letter.id)))) {
      throw PostLetterProblem.spent();
    }
    if (!secrets.matches(PostCode.normalise(typed), letter.codeHash)) {
      throw new PostLetterProblem.WrongCode(Math.max(0, letter.entriesLeft() - 1));
    }
    ownTransaction.executeWithoutResult(
        tx -> {
          if (!letters.markUsed(letter.id, clock.instant())) {
            throw PostLetterProblem.used();
          }
          accounts.recordIdentityProof(accountId, IdentityProofMethod.POST_CODE, "letter " + letter.shortId());
        });
  }

  /** How many letters wait for the next batch, and how many were printed but not sent. */
  @Transactional(readOnly = true)
  int[] backlog() {
    return new int[] {letters.queued().size(), letters.printed().size()};
  }

  /**
   * Prints every queued letter into one PDF: draws each code, keeps its hash and marks the letter
   * printed, in one transaction with the rendering (if the PDF fails, no letter is printed). A
   * letter another batch took meanwhile is left out.
   */
  @Transactional
  Batch printBatch() {
    Instant now = clock.instant();
    List<LetterPdf.Page> pages = new ArrayList<>();
    for (PostLetter letter : letters.queued()) {
      String code = PostCode.draw();
      Instant expiresAt = now.plus(PostLetter.VALIDITY);
      if (letters.markPrinted(letter.id, secrets.hash(code), now, expiresAt)) {
        pages.add(
            new LetterPdf.Page(
                letter.shortId(), letter.recipient, Arrays.asList(letter.addressLines.split("\n")), code, expiresAt));
      }
    }
    return new Batch(pages.isEmpty() ? null : LetterPdf.render(pages, publicUrl), pages.size());
  }

  /** Marks every printed letter as handed to the postal service. */
  @Transactional
  int markSent() {
    return letters.markSent(letters.printed().stream().map(l -> l.id).toList(), clock.instant());
  }

  @ApplicationModuleListener
  void on(AccountDeleted event) {
    letters.removeAll(event.accountId());
  }

  private AccountLevel level(UUID accountId) {
    return accounts.find(accountId).map(AccountSummary::level).map(l -> l.level()).orElseThrow();
  }

  /** The full name as the verified profile has it: the post office hands the letter over by passport. */
  private String recipient(UUID accountId) {
    ProfileView p = profiles.profile(accountId);
    return Stream.of(p.lastName(), p.firstName(), p.patronymic())
        .filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
  }
}
