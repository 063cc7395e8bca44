package org.propusk.account;

import java.util.Locale;
import org.propusk.identifiers.EmailAddress;
import org.propusk.identifiers.MobilePhone;

/** A confirmed way to reach the citizen: a mobile phone (E.164) or an e-mail address. */
public sealed interface Contact {

  /** The normalised value, e.g. {@code +79123456789} or {@code Ivan@mail.ru}. */
  String value();

  /** The value under which uniqueness is enforced. */
  String key();

  record Phone(MobilePhone phone) implements Contact {
    @Override
    public String value() {
      return phone.e164();
    }

    @Override
    public String key() {
      return phone.e164();
    }
  }

  record Email(EmailAddress email) implements Contact {
    @Override
    public String value() {
      return email.value();
    }

    /** Mailboxes are treated as case-insensitive, so that Ivan@ and ivan@ are one contact. */
    @Override
    public String key() {
      return email.value().toLowerCase(Locale.ROOT);
    }
  }
}
