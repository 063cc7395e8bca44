package org.propusk.verification;

import java.util.Optional;
import java.util.UUID;
import org.propusk.identifiers.PostalAddress;

/** The verification module's API for the addresses of "Мои данные". */
public interface ProfileAddresses {

  AddressesView addresses(UUID accountId);

  /**
   * Checks the rules of both addresses, stores them, and starts the interior ministry's check of
   * the registration address when it changed (a removed one is no longer verified).
   *
   * @throws org.propusk.shared.InvalidInput with every broken rule next to its field, named {@code
   *     registration.postalIndex}, {@code residence.house}, ...
   */
  AddressesView save(UUID accountId, AddressesForm form);

  /** The registration address, only while the interior ministry's check of it stands verified. */
  Optional<PostalAddress> verifiedRegistrationAddress(UUID accountId);
}
