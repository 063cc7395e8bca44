package org.propusk.account;

import java.time.Instant;

/**
 * The proof of identity an account holds: how, when, and from where (the service centre's name,
 * the letter, the certificate's issuer and serial number), as the citizen's history shows it.
 */
public record IdentityProof(IdentityProofMethod method, Instant provenAt, String source) {}
