package org.propusk.identifiers;

import java.util.Optional;

/**
 * What a person typed into the single "login" field of the sign-in form: a phone number, an e-mail
 * address or a SNILS. One field for all three is what people know from the federal portal, so the
 * server has to decide which was meant.
 */
public sealed interface LoginIdentifier {

  /** Signing in with a mobile phone number. */
  record ByPhone(MobilePhone phone) implements LoginIdentifier {
    public ByPhone {
      if (phone == null) {
        throw new IllegalArgumentException("phone is required");
      }
    }
  }

  /** Signing in with an e-mail address. */
  record ByEmail(EmailAddress email) implements LoginIdentifier {
    public ByEmail {
      if (email == null) {
        throw new IllegalArgumentException("email is required");
      }
    }
  }

  /** Signing in with a SNILS. */
  record BySnils(Snils snils) implements LoginIdentifier {
    public BySnils {
      if (snils == null) {
        throw new IllegalArgumentException("snils is required");
      }
    }
  }

  /**
   * Classifies sign-in input; empty if it is none of the three. Never throws.
   *
   * <p>An {@code @} always means e-mail, since neither number can contain one. Eleven digits are
   * ambiguous: {@code 8 912 345-67-89} is a phone number and may also pass the SNILS control sum.
   * Phone wins such ties, so a SNILS is only assumed when the input is a valid SNILS and not a
   * valid mobile number; anything else is tried as a phone number.
   */
  static Optional<LoginIdentifier> classify(String raw) {
    if (Text.isBlank(raw)) {
      return Optional.empty();
    }
    if (raw.indexOf('@') >= 0) {
      return EmailAddress.parse(raw) instanceof Parsed.Valid<EmailAddress>(EmailAddress email)
          ? Optional.of(new ByEmail(email))
          : Optional.empty();
    }
    Parsed<MobilePhone> phone = MobilePhone.parse(raw);
    if (phone instanceof Parsed.Valid<MobilePhone>(MobilePhone valid)) {
      return Optional.of(new ByPhone(valid));
    }
    if (Snils.parse(raw) instanceof Parsed.Valid<Snils>(Snils snils)) {
      return Optional.of(new BySnils(snils));
    }
    return Optional.empty();
  }
}
