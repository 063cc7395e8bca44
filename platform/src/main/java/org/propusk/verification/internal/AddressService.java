package org.propusk.verification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.propusk.identifiers.PostalAddress;
import org.propusk.shared.Occurrence;
import org.propusk.verification.AddressesForm;
import org.propusk.verification.AddressesView;
import org.propusk.verification.CheckState;
import org.propusk.verification.Document;
import org.propusk.verification.DocumentStatus;
import org.propusk.verification.ProfileAddresses;
import org.propusk.verification.ProfileChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses of "Мои данные". A new or changed registration address is checked at the interior
 * ministry like a document (same durable job, states and failure reasons); a failed one is
 * cleared. The residence address is only stored.
 */
@Service
class AddressService implements ProfileAddresses {

  private final StoredAddressRepository addresses;
  private final DocumentCheckRepository checks;
  private final DocumentCheckScheduler scheduler;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AddressService(
      StoredAddressRepository addresses,
      DocumentCheckRepository checks,
      DocumentCheckScheduler scheduler,
      ApplicationEventPublisher events,
      Clock clock) {
    this.addresses = addresses;
    this.checks = checks;
    this.scheduler = scheduler;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public AddressesView addresses(UUID accountId) {
    DocumentStatus status =
        checks.ofAccount(accountId).stream()
            .filter(check -> check.document() == Document.ADDRESS)
            .findFirst()
            .map(check -> new DocumentStatus(check.state(), check.reason()))
            .orElse(DocumentStatus.NOT_ENTERED);
    return new AddressesView(
        addresses.find(accountId, StoredAddressRepository.Kind.REGISTRATION).orElse(null),
        addresses.find(accountId, StoredAddressRepository.Kind.RESIDENCE).orElse(null),
        status);
  }

  @Override
  @Transactional
  public AddressesView save(UUID accountId, AddressesForm form) {
    AddressRules.ValidAddresses valid = AddressRules.check(form);
    AddressesView before = addresses(accountId);
    Instant now = clock.instant();
    boolean registrationChanged = !Objects.equals(before.registration(), valid.registration());
    boolean residenceChanged = !Objects.equals(before.residence(), valid.residence());
    // the addresses in the order of their kinds, then the check (the lock order: DocumentChecker)
    if (registrationChanged) {
      addresses.save(accountId, StoredAddressRepository.Kind.REGISTRATION, valid.registration(), now);
    }
    if (residenceChanged) {
      addresses.save(accountId, StoredAddressRepository.Kind.RESIDENCE, valid.residence(), now);
    }
    if (registrationChanged) {
      if (valid.registration() == null) {
        checks.remove(accountId, Document.ADDRESS);
      } else {
        DocumentCheck check = DocumentCheck.start(accountId, Document.ADDRESS, now);
        checks.replace(check);
        scheduler.schedule(check.id());
      }
    }
    if (registrationChanged || residenceChanged) {
      Set<String> fields =
          registrationChanged && residenceChanged
              ? Set.of("registrationAddress", "residenceAddress")
              : Set.of(registrationChanged ? "registrationAddress" : "residenceAddress");
      events.publishEvent(new ProfileChanged(accountId, fields, Occurrence.at(now)));
    }
    return addresses(accountId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PostalAddress> verifiedRegistrationAddress(UUID accountId) {
    AddressesView view = addresses(accountId);
    return view.registrationStatus().state() == CheckState.VERIFIED
        ? Optional.ofNullable(view.registration())
        : Optional.empty();
  }
}
