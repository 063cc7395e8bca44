package org.propusk.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Russian postal address as structured fields, each already valid.
 *
 * @param district null when the settlement lies in no district (a city of federal or regional
 *     significance)
 * @param street null in a village without streets
 * @param building null when the house has no building ("корпус")
 * @param flat null for a private house
 */
public record PostalAddress(
    PostalIndex postalIndex,
    FederalSubject region,
    AddressPart district,
    AddressPart settlement,
    AddressPart street,
    AddressPart house,
    AddressPart building,
    AddressPart flat) {

  public PostalAddress {
    Objects.requireNonNull(postalIndex, "postalIndex");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(house, "house");
  }

  /**
   * The address block of an envelope as Russian Post asks for it: street and house, settlement,
   * district, region, then the index on a line of its own.
   */
  public List<String> envelopeLines() {
    List<String> lines = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    if (street != null) {
      first.append(street.value()).append(", ");
    }
    first.append("д. ").append(house.value());
    if (building != null) {
      first.append(", корп. ").append(building.value());
    }
    if (flat != null) {
      first.append(", кв. ").append(flat.value());
    }
    lines.add(first.toString());
    lines.add(settlement.value());
    if (district != null) {
      lines.add(district.value());
    }
    if (!region.name().equals(settlement.value())) {
      lines.add(region.name());
    }
    lines.add(postalIndex.value());
    return lines;
  }

  @Override
  public String toString() {
    return "PostalAddress[***]"; // personal data never reaches a log
  }
}
