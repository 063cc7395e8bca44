package org.propusk.verification.internal;

import java.util.Optional;
import java.util.UUID;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.Snils;
import org.propusk.shared.PersonalDataVault;
import org.propusk.verification.DocumentStatus;
import org.propusk.verification.ProfileView;
import org.springframework.stereotype.Component;

/**
 * Turns a valid profile into its stored form and back: document numbers sealed, looked up by keyed
 * hash. The only place that sees both the clear numbers and the database.
 */
@Component
class ProfileSealing {

  static final String SNILS = "snils";
  static final String PASSPORT = "passport";
  static final String FOREIGN_DOCUMENT = "foreign-document";

  private final PersonalDataVault vault;

  ProfileSealing(PersonalDataVault vault) {
    this.vault = vault;
  }

  /** The keyed hash under which a profile holding this SNILS is found. */
  String snilsLookup(Snils snils) {
    return vault.lookupHash(SNILS, snils.digits());
  }

  /** The keyed hash under which a profile holding this passport is found. */
  String passportLookup(PassportNumber passport) {
    return vault.lookupHash(PASSPORT, passport.series() + passport.number());
  }

  StoredProfile seal(UUID accountId, ValidProfile p, long version) {
    String snils = p.snils() == null ? null : p.snils().digits();
    ValidProfile.Passport passport = p.passport();
    String passportNumber =
        passport == null ? null : passport.number().series() + passport.number().number();
    ValidProfile.ForeignDocument foreign = p.foreignDocument();
    return new StoredProfile(
        accountId,
        p.lastName().value(),
        p.firstName().value(),
        p.patronymic() == null ? null : p.patronymic().value(),
        p.gender(),
        p.birthDate(),
        p.birthPlace(),
        p.citizenship(),
        snils == null ? null : vault.seal(SNILS, snils),
        p.snils() == null ? null : snilsLookup(p.snils()),
        passportNumber == null ? null : vault.seal(PASSPORT, passportNumber),
        passport == null ? null : passportLookup(passport.number()),
        passport == null ? null : passport.issuedOn(),
        passport == null ? null : passport.issuer(),
        passport == null ? null : passport.division().value(),
        foreign == null ? null : foreign.type(),
        foreign == null ? null : vault.seal(FOREIGN_DOCUMENT, foreign.number()),
        foreign == null ? null : foreign.country(),
        version);
  }

  /** The 11 SNILS digits in clear, for the registry check. */
  Optional<String> snils(StoredProfile p) {
    return Optional.ofNullable(p.snilsSealed()).map(sealed -> vault.open(SNILS, sealed));
  }

  /** Series (4 digits) and number (6 digits) in clear, for the registry check. */
  Optional<String> passport(StoredProfile p) {
    return Optional.ofNullable(p.passportSealed()).map(sealed -> vault.open(PASSPORT, sealed));
  }

  ProfileView view(StoredProfile p, DocumentStatus snilsStatus, DocumentStatus passportStatus) {
    String snils = snils(p).map(d -> org.propusk.identifiers.Snils.parse(d).value().formatted()).orElse(null);
    String passport = passport(p).orElse(null);
    return new ProfileView(
        p.lastName(),
        p.firstName(),
        p.patronymic(),
        p.gender(),
        p.birthDate(),
        p.birthPlace(),
        p.citizenship(),
        snils,
        passport == null ? null : passport.substring(0, 4),
        passport == null ? null : passport.substring(4),
        p.passportIssuedOn(),
        p.passportIssuer(),
        p.passportDivision(),
        p.foreignDocType(),
        p.foreignDocSealed() == null ? null : vault.open(FOREIGN_DOCUMENT, p.foreignDocSealed()),
        p.foreignDocCountry(),
        snilsStatus,
        passportStatus,
        p.version());
  }
}
