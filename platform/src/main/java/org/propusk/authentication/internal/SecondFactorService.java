package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountSummary;
import org.propusk.account.ContactsReplaced;
import org.propusk.account.Accounts;
import org.propusk.authentication.RecoveryCodeUsed;
import org.propusk.authentication.RecoveryCodesRenewed;
import org.propusk.authentication.SecondFactorChanged;
import org.propusk.authentication.SecondFactorCodeIssued;
import org.propusk.authentication.SecondFactors;
import org.propusk.authentication.WrongSecondFactorCodes;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.LimitDecision;
import org.propusk.shared.LimitKind;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.PersonalDataVault;
import org.propusk.shared.RateLimiter;
import org.propusk.shared.RecentAuthentication;
import org.propusk.shared.TooManyAttempts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor: an authenticator app (RFC 6238) with its single-use recovery codes, and the
 * weaker SMS code. Turning either on or off, and a new set of recovery codes, need the password
 * typed within the re-authentication window, and for an account that has a second factor already
 * both factors proven within it; every code checked counts against the limits before it is
 * compared, and wrong codes are told to the owner.
 */
@Service
class SecondFactorService implements SecondFactors {

  /**
   * Bound into the sealed secret with the account id ({@link #secretPurpose}), so that it cannot be
   * swapped with another sealed field, nor moved to another account's row.
   */
  static final String SECRET_PURPOSE = "totp-secret";
  static final String ISSUER = "Propusk";
  /** Recovery codes: no 0/O, 1/I/L, so that a printed code is read back right. */
  static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int RECOVERY_CODE_LENGTH = 10;

  private final SecondFactorRepository factors;
  private final PersonalDataVault vault;
  private final OneTimeSecrets secrets;
  private final RateLimiter limiter;
  private final RecentAuthentication recent;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final SecondFactorPolicy policy;
  private final Clock clock;
  private final Sessions sessions;
  private final CitizenSessions citizenSessions;
  /** For the notice of wrong codes: committed whatever the caller's transaction does. */
  private final TransactionTemplate ownTransaction;
  private final SecureRandom random = new SecureRandom();

  SecondFactorService(
      SecondFactorRepository factors,
      PersonalDataVault vault,
      OneTimeSecrets secrets,
      RateLimiter limiter,
      RecentAuthentication recent,
      Accounts accounts,
      ApplicationEventPublisher events,
      SecondFactorPolicy policy,
      Clock clock,
      Sessions sessions,
      CitizenSessions citizenSessions,
      PlatformTransactionManager transactionManager) {
    this.factors = factors;
    this.vault = vault;
    this.secrets = secrets;
    this.limiter = limiter;
    this.recent = recent;
    this.accounts = accounts;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
    this.sessions = sessions;
    this.citizenSessions = citizenSessions;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What the citizen has turned on.
   *
   * @param maskedPhone the confirmed phone an SMS code would go to, or null when there is none
   */
  record Status(boolean app, boolean sms, int recoveryCodesLeft, String maskedPhone) {}

  /** A new app secret, for the citizen to put into the app: as text, as a URI and as a QR code. */
  record Enrolment(String secret, String otpauthUri, String qrCode) {

    /** The secret in groups of four, as people type it. */
    public String groupedSecret() {
      return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
  }

  // ---- the contract for sign-in and recovery ----

  @Override
  @Transactional(readOnly = true)
  public Set<AuthenticationMethod> methodsOf(UUID accountId) {
    Set<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
    if (appOn(accountId)) {
      methods.add(AuthenticationMethod.TOTP);
      if (factors.unusedRecoveryCodes(accountId) > 0) {
        methods.add(AuthenticationMethod.RECOVERY_CODE);
      }
    }
    if (factors.smsOn(accountId)) {
      methods.add(AuthenticationMethod.SMS);
    }
    return methods;
  }

  @Override
  @Transactional
  public Instant sendSmsCode(UUID accountId, Locale locale) {
    Instant now = clock.instant();
    ConfirmationCode.Rules rules = policy.smsRules();
    ConfirmationCode code = factors.smsCodeForUpdate(accountId).orElseThrow(SecondFactorService::methodOff);
    String phone = accounts.find(accountId).map(AccountSummary::phone).orElseThrow(SecondFactorService::methodOff);
    if (code.lastSentAt() != null && !now.isBefore(code.lastSentAt().plus(policy.smsQuietPeriod()))) {
      code = ConfirmationCode.none();
    }
    String clear;
    try {
      clear = code.issue(secrets, rules, now);
    } catch (ConfirmationCode.Exhausted tooManyWrong) {
      throw new TooManyAttempts(
          "second-factor-limit", new LimitDecision.LockedOut(code.lastSentAt().plus(policy.smsQuietPeriod())), now);
    }
    limiter.take(LimitKind.SECOND_FACTOR_SMS, phone, "code-limit");
    factors.saveSmsCode(accountId, code);
    events.publishEvent(
        new SecondFactorCodeIssued(accountId, phone, secrets.seal(clear), code.expiresAt(), locale.toLanguageTag()));
    return code.resendAvailableAt(rules);
  }

  @Override
  @Transactional(noRollbackFor = InvalidInput.class)
  public void verify(UUID accountId, AuthenticationMethod method, String code) {
    verify(accountId, method, code, null);
  }

  /**
   * Counts the attempt before the check. A browser with a device cookie for the login (the owner's,
   * or one that signed in to it before) spends its own budgets, short and daily; every other client
   * spends the account's. So strangers who know the password can lock out only the clients without
   * a device cookie, never the owner's browsers, while the guesses they get stay bounded: 50 a day
   * per account, plus 50 a day per browser that once completed a sign-in to it. A right code clears
   * the short count and gives back its own daily slot, but not the earlier wrong codes of the day.
   */
  @Override
  @Transactional(noRollbackFor = InvalidInput.class)
  public void verify(UUID accountId, AuthenticationMethod method, String code, String deviceSubject) {
    boolean device = deviceSubject != null && !deviceSubject.isBlank();
    LimitKind shortKind = device ? LimitKind.SECOND_FACTOR_DEVICE : LimitKind.SECOND_FACTOR_ACCOUNT;
    String subject = device ? "device:" + deviceSubject + ":" + accountId : "account:" + accountId;
    List<LimitDecision.Permitted> slots =
        limiter.takeAll(
            "second-factor-limit",
            new RateLimiter.Counted(shortKind, subject),
            new RateLimiter.Counted(LimitKind.SECOND_FACTOR_DAILY, subject));
    try {
      switch (method) {
        case TOTP -> verifyApp(accountId, code);
        case RECOVERY_CODE -> useRecoveryCode(accountId, code);
        case SMS -> verifySms(accountId, code);
        default -> throw methodOff();
      }
    } catch (InvalidInput refused) {
      if (refused.violations().stream().anyMatch(v -> "code".equals(v.field()) && "wrong".equals(v.code()))) {
        tellOwner(accountId, method);
      }
      throw refused;
    }
    limiter.reset(shortKind, subject);
    limiter.release(slots.get(1));
  }

  /**
   * The owner hears of wrong codes: the first one, then at most one notice a window. The limiter
   * decides (its count locks the subject's row, so two wrong codes at once send one notice); the
   * event is committed in a transaction of its own, as the caller's may roll back on the refusal.
   */
  private void tellOwner(UUID accountId, AuthenticationMethod method) {
    if (limiter.acquire(LimitKind.SECOND_FACTOR_NOTICE, "account:" + accountId) instanceof LimitDecision.Permitted) {
      WrongSecondFactorCodes event =
          new WrongSecondFactorCodes(accountId, method.amr(), Occurrence.at(clock.instant()));
      ownTransaction.executeWithoutResult(tx -> events.publishEvent(event));
    }
  }

  private void verifyApp(UUID accountId, String code) {
    SecondFactorRepository.TotpRow row =
        factors.totp(accountId).filter(r -> r.secret() != null).orElseThrow(SecondFactorService::methodOff);
    OptionalLong step = Totp.matchingStep(key(accountId, row.secret()), code, clock.instant());
    if (step.isEmpty()) {
      throw new InvalidInput("code", "wrong");
    }
    if (!factors.useStep(accountId, step.getAsLong())) {
      throw new InvalidInput("code", "used");
    }
  }

  private void useRecoveryCode(UUID accountId, String code) {
    if (!appOn(accountId)) {
      throw methodOff();
    }
    Instant now = clock.instant();
    if (!factors.useRecoveryCode(accountId, recoveryHash(code), now)) {
      throw new InvalidInput("code", "wrong");
    }
    events.publishEvent(new RecoveryCodeUsed(accountId, factors.unusedRecoveryCodes(accountId), Occurrence.at(now)));
  }

  private void verifySms(UUID accountId, String typed) {
    ConfirmationCode code = factors.smsCodeForUpdate(accountId).orElseThrow(SecondFactorService::methodOff);
    try {
      code.verify(typed, secrets, policy.smsRules(), clock.instant());
    } catch (ConfirmationCode.WrongCode wrong) {
      throw new InvalidInput("code", "wrong");
    } catch (ConfirmationCode.Expired expired) {
      throw new InvalidInput("code", "expired");
    } catch (ConfirmationCode.Spent spent) {
      throw new InvalidInput("code", "spent");
    } finally {
      factors.saveSmsCode(accountId, code);
    }
  }

  // ---- the citizen's own settings ----

  @Transactional(readOnly = true)
  Status status(UUID accountId) {
    String phone = accounts.find(accountId).map(AccountSummary::phone).orElse(null);
    boolean app = appOn(accountId);
    return new Status(
        app,
        factors.smsOn(accountId),
        app ? factors.unusedRecoveryCodes(accountId) : 0,
        phone == null ? null : MobilePhone.parse(phone).value().masked());
  }

  /**
   * Starts setting up an app with a new secret (an app already on stays on until the new one is
   * confirmed). Needs a recent password (and both factors when one is on): the secret is as good
   * as the app.
   */
  @Transactional
  Enrolment startApp() {
    UUID accountId = requireChangeRights();
    byte[] key = new byte[20]; // 160 bits, as RFC 4226 recommends
    random.nextBytes(key);
    String secret = Base32.encode(key);
    factors.savePending(accountId, vault.seal(secretPurpose(accountId), secret), clock.instant());
    return enrolment(accountId, secret);
  }

  /**
   * The secret being set up, to show the page again (e.g. after a wrong code); empty once expired.
   * Only this account's citizen with a recent password sees it: the secret is as good as the app.
   */
  @Transactional(readOnly = true)
  Optional<Enrolment> pendingApp() {
    UUID accountId = recent.require().accountId();
    return factors
        .totp(accountId)
        .filter(row -> row.pendingSecret() != null && pendingValid(row))
        .map(row -> enrolment(accountId, vault.open(secretPurpose(accountId), row.pendingSecret())));
  }

  /**
   * The first code from the app turns it on (its step is then used) and gives a new set of recovery
   * codes, returned here once and never again.
   */
  @Transactional
  List<String> confirmApp(UUID accountId, String code) {
    limiter.take(LimitKind.SECOND_FACTOR_ACCOUNT, "account:" + accountId, "second-factor-limit");
    Instant now = clock.instant();
    SecondFactorRepository.TotpRow row =
        factors
            .totp(accountId)
            .filter(r -> r.pendingSecret() != null && pendingValid(r))
            .orElseThrow(SecondFactorProblems.SetupNotStarted::new);
    OptionalLong step = Totp.matchingStep(key(accountId, row.pendingSecret()), code, now);
    if (step.isEmpty()) {
      throw new InvalidInput("code", "wrong");
    }
    if (!factors.activate(accountId, row.pendingSecret(), step.getAsLong(), now)) {
      throw new SecondFactorProblems.SetupNotStarted();
    }
    limiter.reset(LimitKind.SECOND_FACTOR_ACCOUNT, "account:" + accountId);
    List<String> codes = replaceRecoveryCodes(accountId, now);
    events.publishEvent(new SecondFactorChanged(accountId, AuthenticationMethod.TOTP, true, Occurrence.at(now)));
    return codes;
  }

  /** Turns the app off, with its recovery codes; needs a recent password and both factors. */
  @Transactional
  void turnAppOff() {
    UUID accountId = requireChangeRights();
    if (factors.deleteTotp(accountId)) {
      events.publishEvent(
          new SecondFactorChanged(accountId, AuthenticationMethod.TOTP, false, Occurrence.at(clock.instant())));
    }
  }

  /** A new set of recovery codes in place of the old one; needs a recent password and both factors. */
  @Transactional
  List<String> renewRecoveryCodes() {
    UUID accountId = requireChangeRights();
    if (!appOn(accountId)) {
      throw new SecondFactorProblems.AppOff();
    }
    Instant now = clock.instant();
    List<String> codes = replaceRecoveryCodes(accountId, now);
    events.publishEvent(new RecoveryCodesRenewed(accountId, Occurrence.at(now)));
    return codes;
  }

  /**
   * The SMS code as second factor, to the confirmed phone; needs a recent password (and both
   * factors when one is on already).
   *
   * @return true when it was off
   */
  @Transactional
  boolean turnSmsOn() {
    UUID accountId = requireChangeRights();
    if (accounts.find(accountId).map(AccountSummary::phone).isEmpty()) {
      throw new InvalidInput("phone", "not_confirmed");
    }
    Instant now = clock.instant();
    if (!factors.turnSmsOn(accountId, now)) {
      return false;
    }
    events.publishEvent(new SecondFactorChanged(accountId, AuthenticationMethod.SMS, true, Occurrence.at(now)));
    return true;
  }

  /**
   * A service centre replaced every contact of the account with one proven at the desk, after
   * comparing the passport: the second factors were on what the citizen lost (the phone with the
   * app or the SMS), so they go too, in the same transaction, and the citizen recovers access with
   * the new contact alone (recovery would otherwise ask for a factor they no longer have and send
   * them back to the centre). They turn a factor on again after signing in.
   */
  @EventListener
  void on(ContactsReplaced event) {
    Occurrence at = Occurrence.at(clock.instant());
    if (factors.deleteTotp(event.accountId())) {
      events.publishEvent(new SecondFactorChanged(event.accountId(), AuthenticationMethod.TOTP, false, at));
    }
    if (factors.turnSmsOff(event.accountId())) {
      events.publishEvent(new SecondFactorChanged(event.accountId(), AuthenticationMethod.SMS, false, at));
    }
  }

  /** Needs a recent password and both factors. */
  @Transactional
  void turnSmsOff() {
    UUID accountId = requireChangeRights();
    if (factors.turnSmsOff(accountId)) {
      events.publishEvent(
          new SecondFactorChanged(accountId, AuthenticationMethod.SMS, false, Occurrence.at(clock.instant())));
    }
  }

  static UUID signedInAccount() {
    return Citizen.current().orElseThrow().accountId();
  }

  /**
   * A factor was just turned on: every other session of the account ends (one begun before the
   * factor existed must not go on without it), and this one goes on under a new id, with the
   * method as a fresh proof when its code was just checked.
   *
   * @param proven the method whose code was checked in this request, or null
   */
  void turnedOn(AuthenticationMethod proven, HttpServletRequest request, HttpServletResponse response) {
    Citizen citizen = Citizen.current().orElseThrow();
    // the others first, by this session's present id: the new id is stored only when the request ends
    citizenSessions.endOthers(citizen.accountId(), request.getSession().getId());
    sessions.establish(proven == null ? citizen : citizen.provedAgain(proven, clock.instant()), request, response);
  }

  /**
   * The rule for changing the second factor: the password within the re-authentication window,
   * and for an account with a second factor on also a second factor within it, so that whoever
   * knows the password and finds an old session (or signed in before the factor existed) cannot
   * turn it off, replace it or take its recovery codes.
   *
   * @throws org.propusk.shared.ReauthenticationRequired without a recent password
   * @throws SecondFactorProblems.SecondFactorRequired without a recent second factor
   */
  private UUID requireChangeRights() {
    Citizen citizen = recent.require();
    if (!methodsOf(citizen.accountId()).isEmpty() && !citizen.multiFactorWithin(recent.window(), clock.instant())) {
      throw new SecondFactorProblems.SecondFactorRequired();
    }
    return citizen.accountId();
  }

  // ---- helpers ----

  private boolean appOn(UUID accountId) {
    return factors.totp(accountId).map(row -> row.secret() != null).orElse(false);
  }

  private boolean pendingValid(SecondFactorRepository.TotpRow row) {
    return row.pendingSince() != null && clock.instant().isBefore(row.pendingSince().plus(policy.setupTtl()));
  }

  private byte[] key(UUID accountId, String sealedSecret) {
    return Base32.decode(vault.open(secretPurpose(accountId), sealedSecret));
  }

  static String secretPurpose(UUID accountId) {
    return SECRET_PURPOSE + ":" + accountId;
  }

  private List<String> replaceRecoveryCodes(UUID accountId, Instant now) {
    List<String> codes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    while (codes.size() < policy.recoveryCodes()) {
      StringBuilder code = new StringBuilder(RECOVERY_CODE_LENGTH);
      for (int i = 0; i < RECOVERY_CODE_LENGTH; i++) {
        code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
      }
      String hash = recoveryHash(code.toString());
      if (!hashes.contains(hash)) {
        hashes.add(hash);
        codes.add(code.substring(0, 5) + "-" + code.substring(5));
      }
    }
    factors.deleteRecoveryCodes(accountId);
    factors.insertRecoveryCodes(accountId, hashes, now);
    return codes;
  }

  /** Case, spaces and dashes do not matter when a recovery code is typed. */
  private String recoveryHash(String typed) {
    String normalised = typed == null ? "" : typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
    return secrets.hash("second-factor-recovery-code:" + normalised);
  }

  private Enrolment enrolment(UUID accountId, String secret) {
    String uri =
        "otpauth://totp/"
            + encode(ISSUER + ":" + label(accountId))
            + "?secret=" + secret
            + "&issuer=" + ISSUER
            + "&digits=" + Totp.DIGITS
            + "&period=" + Totp.STEP_SECONDS
            + "&algorithm=SHA1";
    return new Enrolment(secret, uri, QrCodes.svgDataUri(uri));
  }

  /** The login in the app's list, masked: a lost phone shows whose account it is no more than needed. */
  private String label(UUID accountId) {
    AccountSummary account = accounts.find(accountId).orElseThrow();
    if (account.phone() != null) {
      return MobilePhone.parse(account.phone()).value().masked();
    }
    if (account.email() != null) {
      return EmailAddress.parse(account.email()).value().masked();
    }
    return account.id().toString().substring(0, 8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
  }

  private static InvalidInput methodOff() {
    return new InvalidInput("method", "not_enabled");
  }
}
