package org.propusk.verification;

import org.propusk.identifiers.PostalAddress;

/**
 * The addresses of an account as stored, null when not given, with the registration address's
 * check.
 */
public record AddressesView(PostalAddress registration, PostalAddress residence, DocumentStatus registrationStatus) {

  @Override
  public String toString() {
    return "AddressesView[***]";
  }
}
