package org.propusk.verification.internal;

import java.util.UUID;
import org.propusk.identifiers.AddressPart;
import org.propusk.identifiers.PostalAddress;
import org.propusk.shared.Citizen;
import org.propusk.verification.AddressesForm;
import org.propusk.verification.AddressesView;
import org.propusk.verification.ProfileAddresses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen's addresses and the registration address's check. */
@RestController
@RequestMapping("/api/v1/profile/address")
class AddressApiController {

  private final ProfileAddresses addresses;

  AddressApiController(ProfileAddresses addresses) {
    this.addresses = addresses;
  }

  record Address(
      String postalIndex,
      String region,
      String regionName,
      String district,
      String settlement,
      String street,
      String house,
      String building,
      String flat) {

    static Address of(PostalAddress a) {
      return a == null
          ? null
          : new Address(
              a.postalIndex().value(), a.region().code(), a.region().name(), text(a.district()),
              a.settlement().value(), text(a.street()), a.house().value(), text(a.building()), text(a.flat()));
    }

    private static String text(AddressPart part) {
      return part == null ? null : part.value();
    }
  }

  record Checks(ProfileApiController.Check registration) {}

  record Addresses(Address registration, Address residence, Checks checks) {
    static Addresses of(AddressesView v) {
      return new Addresses(
          Address.of(v.registration()), Address.of(v.residence()),
          new Checks(ProfileApiController.Check.of(v.registrationStatus())));
    }
  }

  @GetMapping
  Addresses show() {
    return Addresses.of(addresses.addresses(signedIn()));
  }

  @PutMapping
  Addresses save(@RequestBody AddressesForm form) {
    return Addresses.of(addresses.save(signedIn(), form));
  }

  private static UUID signedIn() {
    return Citizen.current().orElseThrow().accountId();
  }
}
