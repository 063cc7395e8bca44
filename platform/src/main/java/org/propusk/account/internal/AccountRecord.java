package org.propusk.account.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.account.Contact;
import org.propusk.account.Evidence;
import org.propusk.account.IdentityProof;

/** A row of the account table. */
record AccountRecord(
    UUID id,
    String lastName,
    String firstName,
    String phone,
    Instant phoneConfirmedAt,
    String email,
    String emailKey,
    Instant emailConfirmedAt,
    String passwordHash,
    Instant snilsVerifiedAt,
    Instant passportVerifiedAt,
    IdentityProof identityProof,
    String announcedLevel,
    Instant sessionsValidFrom,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static AccountRecord open(
      UUID id,
      String lastName,
      String firstName,
      Contact contact,
      Instant confirmedAt,
      String passwordHash,
      Instant now) {
    return switch (contact) {
      case Contact.Phone phone ->
          new AccountRecord(
              id, lastName, firstName, phone.value(), confirmedAt, null, null, null, passwordHash,
              null, null, null, AccountLevel.SIMPLIFIED.name(), null, now, now, 0);
      case Contact.Email email ->
          new AccountRecord(
              id, lastName, firstName, null, null, email.value(), email.key(), confirmedAt,
              passwordHash, null, null, null, AccountLevel.SIMPLIFIED.name(), null, now, now, 0);
    };
  }

  /** The evidence this account holds today. */
  Set<Evidence> evidence() {
    Set<Evidence> held = EnumSet.noneOf(Evidence.class);
    if (phoneConfirmedAt != null || emailConfirmedAt != null) {
      held.add(Evidence.CONFIRMED_CONTACT);
    }
    if (snilsVerifiedAt != null) {
      held.add(Evidence.VERIFIED_SNILS);
    }
    if (passportVerifiedAt != null) {
      held.add(Evidence.VERIFIED_PASSPORT);
    }
    if (identityProof != null) {
      held.add(Evidence.PROVEN_IDENTITY);
    }
    return held;
  }
}
