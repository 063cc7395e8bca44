package org.propusk.verification;

import org.propusk.identifiers.FreeText;

/**
 * An address as typed: postal index (6 digits), region (the two-digit code of the subject of the
 * Federation), district, city or settlement, street (with its type, "ул. Ленина"), house,
 * building, flat. District, street, building and flat may be empty.
 */
public record AddressForm(
    String postalIndex,
    String region,
    String district,
    String settlement,
    String street,
    String house,
    String building,
    String flat) {

  /** True when nothing was typed at all: the address is not given. */
  public boolean isEmpty() {
    return FreeText.isBlank(postalIndex)
        && FreeText.isBlank(region)
        && FreeText.isBlank(district)
        && FreeText.isBlank(settlement)
        && FreeText.isBlank(street)
        && FreeText.isBlank(house)
        && FreeText.isBlank(building)
        && FreeText.isBlank(flat);
  }

  @Override
  public String toString() {
    return "AddressForm[***]"; // personal data never reaches a log
  }
}
