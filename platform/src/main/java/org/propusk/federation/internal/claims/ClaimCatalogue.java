package org.propusk.federation.internal.claims;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.propusk.account.AccountSummary;
import org.propusk.verification.ProfileView;

/**
 * The declared table of what each scope gives a relying party (ADR 6, section 8): the OpenID
 * Connect scopes {@code openid profile email phone address} and the ESIA-style ones {@code
 * fullname birthdate gender snils id_doc mobile email contacts}. Discovery's {@code
 * scopes_supported}/{@code claims_supported}, userinfo and the consent page are all read from it,
 * so they cannot disagree.
 *
 * <p>Rules: nothing unverified is released as verified. {@code email_verified}, {@code
 * phone_number_verified}, {@code mobile_verified} and each contact's {@code verified} say whether
 * the owner proved the contact with a code; names and birth date are released as entered, and
 * {@code propusk_verified} lists those a registry matched with a verified document; SNILS and
 * passport are released only once their registry check verified them, never otherwise. Propusk
 * keeps no address yet: the {@code address} scope is accepted and releases nothing.
 */
public final class ClaimCatalogue {

  /** Where a claim goes: the ID token carries only the {@code openid} row (ADR 6, section 8). */
  public enum Channel {
    ID_TOKEN,
    USERINFO,
    BOTH
  }

  /**
   * How far a value can be trusted, as the consent page says it: a state registry confirmed it, the
   * citizen proved it with a code, the citizen proved nothing, or entered it without any check.
   */
  public enum Assurance {
    REGISTRY,
    CODE,
    UNCONFIRMED,
    AS_ENTERED,
    NOT_APPLICABLE
  }

  /** A claim's value for the citizen, or why there is none. */
  public sealed interface Released permits Given, Withheld {}

  /**
   * A value released: {@code json} as the relying party receives it, {@code shown} as the citizen
   * reads it (text, or a message key when {@code shownKey}).
   */
  public record Given(Object json, String shown, boolean shownKey, Assurance assurance) implements Released {}

  /** Nothing is released; {@code reason} is a message key under {@code consent.withheld.}. */
  public record Withheld(String reason) implements Released {}

  /**
   * One claim of a scope. {@code onPage} is false for claims the page shows as the assurance of
   * another ({@code email_verified} is the badge next to {@code email}).
   */
  public record Claim(String name, Channel channel, boolean onPage, Function<CitizenData, Released> reader) {
    public Released read(CitizenData citizen) {
      return reader.apply(citizen);
    }
  }

  /** A scope and its claims, in the order the consent page lists them. */
  public record Scope(String name, List<Claim> claims) {}

  private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
  private static final Withheld NOT_ENTERED = new Withheld("not-entered");
  private static final Withheld NOT_VERIFIED = new Withheld("not-verified");

  private static final Claim EMAIL = claim("email", ClaimCatalogue::email);
  private static final Claim EMAIL_VERIFIED =
      derived("email_verified", c -> c.account().email() == null ? NOT_ENTERED : flag(c.account().emailConfirmed()));
  private static final Claim BIRTHDATE = claim("birthdate", ClaimCatalogue::birthdate);
  private static final Claim GENDER = claim("gender", ClaimCatalogue::gender);

  private static final Map<String, Scope> SCOPES = new LinkedHashMap<>();

  static {
    scope(
        "openid",
        new Claim("sub", Channel.BOTH, true, c -> new Given(c.accountId().toString(), c.accountId().toString(), false, Assurance.NOT_APPLICABLE)),
        new Claim(
            "acr",
            Channel.ID_TOKEN,
            true,
            c -> new Given(null, "level." + c.account().level().level().apiName(), true, Assurance.NOT_APPLICABLE)),
        new Claim("amr", Channel.ID_TOKEN, true, c -> new Given(null, "consent.value.sign-in", true, Assurance.NOT_APPLICABLE)),
        new Claim("auth_time", Channel.ID_TOKEN, false, c -> new Given(null, "", false, Assurance.NOT_APPLICABLE)));
    scope(
        "profile",
        claim("family_name", c -> name(c, c.lastName())),
        claim("given_name", c -> name(c, c.firstName())),
        claim("middle_name", c -> name(c, c.middleName())),
        claim("name", c -> name(c, String.join(" ", nonBlank(c.firstName(), c.middleName(), c.lastName())))),
        GENDER,
        BIRTHDATE,
        derived("propusk_verified", ClaimCatalogue::verifiedNames));
    scope("email", EMAIL, EMAIL_VERIFIED);
    scope(
        "phone",
        claim("phone_number", ClaimCatalogue::phone),
        derived("phone_number_verified", c -> c.account().phone() == null ? NOT_ENTERED : flag(c.account().phoneConfirmed())));
    scope("address", claim("address", c -> new Withheld("no-address")));
    scope("fullname", claim("fullname", ClaimCatalogue::fullname));
    scope("birthdate", BIRTHDATE);
    scope("gender", GENDER);
    scope("snils", claim("snils", ClaimCatalogue::snils));
    scope("id_doc", claim("id_doc", ClaimCatalogue::passport));
    scope(
        "mobile",
        claim("mobile", ClaimCatalogue::phone),
        derived("mobile_verified", c -> c.account().phone() == null ? NOT_ENTERED : flag(c.account().phoneConfirmed())));
    scope("contacts", claim("contacts", ClaimCatalogue::contacts));
  }

  private ClaimCatalogue() {}

  /** Every scope Propusk offers, for discovery and for checking clients' scopes. */
  public static List<String> scopes() {
    return List.copyOf(SCOPES.keySet());
  }

  /** Every claim any scope may release, for discovery. */
  public static List<String> claimNames() {
    Set<String> names = new LinkedHashSet<>();
    SCOPES.values().forEach(scope -> scope.claims().forEach(claim -> names.add(claim.name())));
    return List.copyOf(names);
  }

  /** The scopes among these that Propusk knows, in the catalogue's order (unknown ones give nothing). */
  public static List<Scope> of(Collection<String> scopes) {
    return SCOPES.values().stream().filter(scope -> scopes.contains(scope.name())).toList();
  }

  /** The claims of these scopes, each once (e-mail belongs to two), in the catalogue's order. */
  public static List<Claim> claimsOf(Collection<String> scopes) {
    Map<String, Claim> claims = new LinkedHashMap<>();
    of(scopes).forEach(scope -> scope.claims().forEach(claim -> claims.putIfAbsent(claim.name(), claim)));
    return List.copyOf(claims.values());
  }

  /** The names of the claims an ID token carries. */
  public static List<String> idTokenClaims() {
    return SCOPES.get("openid").claims().stream().map(Claim::name).toList();
  }

  private static void scope(String name, Claim... claims) {
    SCOPES.put(name, new Scope(name, List.of(claims)));
  }

  private static Claim claim(String name, Function<CitizenData, Released> reader) {
    return new Claim(name, Channel.USERINFO, true, reader);
  }

  private static Claim derived(String name, Function<CitizenData, Released> reader) {
    return new Claim(name, Channel.USERINFO, false, reader);
  }

  private static Released flag(boolean value) {
    return new Given(value, "", false, Assurance.NOT_APPLICABLE);
  }

  private static Released name(CitizenData citizen, String value) {
    if (!CitizenData.present(value)) {
      return NOT_ENTERED;
    }
    return new Given(value, value, false, citizen.namesVerified() ? Assurance.REGISTRY : Assurance.AS_ENTERED);
  }

  private static List<String> nonBlank(String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (CitizenData.present(part)) {
        present.add(part);
      }
    }
    return present;
  }

  private static Released birthdate(CitizenData citizen) {
    ProfileView profile = citizen.profile();
    if (profile.birthDate() == null) {
      return NOT_ENTERED;
    }
    return new Given(
        profile.birthDate().toString(),
        SHOWN_DATE.format(profile.birthDate()),
        false,
        citizen.namesVerified() ? Assurance.REGISTRY : Assurance.AS_ENTERED);
  }

  /** No registry checks the gender: always as entered. */
  private static Released gender(CitizenData citizen) {
    String gender = citizen.profile().gender();
    if (!CitizenData.present(gender)) {
      return NOT_ENTERED;
    }
    return new Given(gender, "profile.gender." + gender, true, Assurance.AS_ENTERED);
  }

  /** The names of the released profile claims that a registry matched; absent when none. */
  private static Released verifiedNames(CitizenData citizen) {
    if (!citizen.namesVerified()) {
      return new Withheld("not-verified");
    }
    List<String> verified = new ArrayList<>();
    if (CitizenData.present(citizen.lastName())) {
      verified.add("family_name");
    }
    if (CitizenData.present(citizen.firstName())) {
      verified.add("given_name");
    }
    if (CitizenData.present(citizen.middleName())) {
      verified.add("middle_name");
    }
    verified.add("name");
    if (citizen.profile().birthDate() != null) {
      verified.add("birthdate");
    }
    return new Given(verified, "", false, Assurance.NOT_APPLICABLE);
  }

  private static Released email(CitizenData citizen) {
    AccountSummary account = citizen.account();
    if (account.email() == null) {
      return NOT_ENTERED;
    }
    return new Given(account.email(), account.email(), false, account.emailConfirmed() ? Assurance.CODE : Assurance.UNCONFIRMED);
  }

  private static Released phone(CitizenData citizen) {
    AccountSummary account = citizen.account();
    if (account.phone() == null) {
      return NOT_ENTERED;
    }
    return new Given(account.phone(), account.phone(), false, account.phoneConfirmed() ? Assurance.CODE : Assurance.UNCONFIRMED);
  }

  private static Released fullname(CitizenData citizen) {
    if (!CitizenData.present(citizen.lastName()) || !CitizenData.present(citizen.firstName())) {
      return NOT_ENTERED;
    }
    Map<String, Object> fullname = new LinkedHashMap<>();
    fullname.put("last", citizen.lastName());
    fullname.put("first", citizen.firstName());
    if (citizen.middleName() != null) {
      fullname.put("middle", citizen.middleName());
    }
    return new Given(
        fullname,
        String.join(" ", nonBlank(citizen.lastName(), citizen.firstName(), citizen.middleName())),
        false,
        citizen.namesVerified() ? Assurance.REGISTRY : Assurance.AS_ENTERED);
  }

  private static Released snils(CitizenData citizen) {
    String snils = citizen.profile().snils();
    if (!CitizenData.present(snils)) {
      return NOT_ENTERED;
    }
    return citizen.snilsVerified() ? new Given(snils, snils, false, Assurance.REGISTRY) : NOT_VERIFIED;
  }

  private static Released passport(CitizenData citizen) {
    ProfileView profile = citizen.profile();
    if (!CitizenData.present(profile.passportNumber())) {
      return NOT_ENTERED;
    }
    if (!citizen.passportVerified()) {
      return NOT_VERIFIED;
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("type", "RF_PASSPORT");
    document.put("series", profile.passportSeries());
    document.put("number", profile.passportNumber());
    document.put("issue_date", profile.passportIssuedOn() == null ? null : profile.passportIssuedOn().toString());
    document.put("issuer", profile.passportIssuer());
    document.put("division_code", profile.divisionCode());
    String shown =
        profile.passportSeries() + " " + profile.passportNumber()
            + (profile.passportIssuedOn() == null ? "" : ", " + SHOWN_DATE.format(profile.passportIssuedOn()));
    return new Given(document, shown, false, Assurance.REGISTRY);
  }

  private static Released contacts(CitizenData citizen) {
    AccountSummary account = citizen.account();
    List<Map<String, Object>> contacts = new ArrayList<>();
    if (account.phone() != null) {
      contacts.add(Map.of("type", "mobile", "value", account.phone(), "verified", account.phoneConfirmed()));
    }
    if (account.email() != null) {
      contacts.add(Map.of("type", "email", "value", account.email(), "verified", account.emailConfirmed()));
    }
    if (contacts.isEmpty()) {
      return NOT_ENTERED;
    }
    boolean allConfirmed = contacts.stream().allMatch(c -> Boolean.TRUE.equals(c.get("verified")));
    return new Given(
        contacts,
        String.join(", ", contacts.stream().map(c -> (String) c.get("value")).toList()),
        false,
        allConfirmed ? Assurance.CODE : Assurance.UNCONFIRMED);
  }
}
