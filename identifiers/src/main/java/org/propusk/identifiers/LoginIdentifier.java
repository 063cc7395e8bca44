package org.propusk.identifiers;

import java.util.Optional;

/**
 * What a person typed into the single "login" field of the sign-in form: a phone number, an e-mail
 * address or a SNILS. One field for all three is what people know from the federal portal, so the
 * server has to decide which was meant.
 */
public sealed interface LoginIdentifier {

  /**
   * Signing in with a mobile phone number. {@code orSnils} is set when the same eleven digits are a
   * valid SNILS too: the account with this phone is meant, and when there is none, the account
   * whose verified SNILS it is (else its holder could not sign in with the digits alone).
   */
  record ByPhone(MobilePhone phone, Snils orSnils) implements LoginIdentifier {
    public ByPhone {
      if (phone == null) {
        throw new IllegalArgumentException("phone is required");
      }
    }

    public ByPhone(MobilePhone phone) {
      this(phone, null);
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
   * <p>An {@code @} always means e-mail, since neither number can contain one. A SNILS written as
   * on the card ({@code 112-233-445 95}) means SNILS. Eleven bare digits are ambiguous: {@code 8 912
   * 345-67-89} is a phone number and may also pass the SNILS control sum; such input is a phone
   * that may also be a SNILS ({@link ByPhone#orSnils}). A SNILS is assumed alone when the input is
   * a valid SNILS and not a valid mobile number; anything else is tried as a phone number.
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
    Parsed<Snils> snils = Snils.parse(raw);
    Snils validSnils = snils instanceof Parsed.Valid<Snils>(Snils valid) ? valid : null;
    // as printed on the card, which is not how phone numbers are written
    if (validSnils != null && raw.strip().equals(validSnils.formatted())) {
      return Optional.of(new BySnils(validSnils));
    }
    if (MobilePhone.parse(raw) instanceof Parsed.Valid<MobilePhone>(MobilePhone phone)) {
      return Optional.of(new ByPhone(phone, validSnils));
    }
    return Optional.ofNullable(validSnils).map(BySnils::new);
  }
}
