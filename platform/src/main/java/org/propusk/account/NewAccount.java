package org.propusk.account;

import java.time.Instant;
import java.util.List;

/** An account to open from a completed registration: the contact is already confirmed. */
public record NewAccount(
    String lastName,
    String firstName,
    Contact contact,
    Instant contactConfirmedAt,
    AcceptedPassword password,
    List<ConsentRecord> consents,
    String clientAddress) {

  /** Consent to one document (terms of use, privacy policy) in one version, at one time. */
  public record ConsentRecord(String document, String version, Instant acceptedAt) {}
}
