package org.propusk.verification.internal;

import java.util.ArrayList;
import java.util.List;
import org.propusk.identifiers.AddressPart;
import org.propusk.identifiers.FederalSubject;
import org.propusk.identifiers.FreeText;
import org.propusk.identifiers.Parsed;
import org.propusk.identifiers.PostalAddress;
import org.propusk.identifiers.PostalIndex;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;
import org.propusk.verification.AddressForm;
import org.propusk.verification.AddressesForm;

/**
 * The formal checks of the addresses (through the identifiers library): index, region, district,
 * settlement, street, house, building, flat; each violation is named after its address and field
 * ({@code registration.house}). An address left empty is not given; the residence may be left out.
 */
final class AddressRules {

  /** Both addresses, null when not given. */
  record ValidAddresses(PostalAddress registration, PostalAddress residence) {}

  private AddressRules() {}

  static ValidAddresses check(AddressesForm form) {
    List<Violation> violations = new ArrayList<>();
    PostalAddress registration = address(form == null ? null : form.registration(), "registration", violations);
    PostalAddress residence = address(form == null ? null : form.residence(), "residence", violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new ValidAddresses(registration, residence);
  }

  private static PostalAddress address(AddressForm form, String prefix, List<Violation> violations) {
    if (form == null || form.isEmpty()) {
      return null;
    }
    int before = violations.size();
    PostalIndex index = Violation.collect(PostalIndex.parse(form.postalIndex()), prefix + ".postalIndex", violations);
    FederalSubject region = Violation.collect(FederalSubject.parse(form.region()), prefix + ".region", violations);
    AddressPart district = optional(form.district(), AddressPart.Kind.PLACE, prefix + ".district", violations);
    AddressPart settlement =
        Violation.collect(AddressPart.parse(form.settlement(), AddressPart.Kind.PLACE), prefix + ".settlement", violations);
    AddressPart street = optional(form.street(), AddressPart.Kind.PLACE, prefix + ".street", violations);
    AddressPart house =
        Violation.collect(AddressPart.parse(form.house(), AddressPart.Kind.NUMBER), prefix + ".house", violations);
    AddressPart building = optional(form.building(), AddressPart.Kind.NUMBER, prefix + ".building", violations);
    AddressPart flat = optional(form.flat(), AddressPart.Kind.FLAT, prefix + ".flat", violations);
    return violations.size() > before
        ? null
        : new PostalAddress(index, region, district, settlement, street, house, building, flat);
  }

  private static AddressPart optional(String raw, AddressPart.Kind kind, String field, List<Violation> violations) {
    if (FreeText.isBlank(raw)) {
      return null;
    }
    return switch (AddressPart.parse(raw, kind)) {
      case Parsed.Valid<AddressPart> valid -> valid.value();
      case Parsed.Invalid<AddressPart> invalid -> {
        violations.add(new Violation(field, invalid.code()));
        yield null;
      }
    };
  }
}
