package org.propusk.confirmation.internal.signature;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The rules of the qualified electronic signature way, from {@code propusk.confirmation.signature}.
 *
 * @param challengeTtl how long a challenge can be signed
 * @param attemptsPerChallenge signatures checked against one challenge, right or wrong
 * @param maxSize the largest signature (DER) looked at; larger ones are refused unread
 * @param trustedCertificates PEM or DER files, or directories of them, with the trusted CA
 *     certificates (self-signed roots are anchors, the others intermediates); read at each check
 * @param crls files or directories with CRLs (PEM or DER); an issuer with a CRL here has its
 *     certificates checked against it, read at each check
 * @param developmentCa where the development profile keeps a generated test CA (empty: none)
 */
@ConfigurationProperties("propusk.confirmation.signature")
record SignaturePolicy(
    Duration challengeTtl,
    int attemptsPerChallenge,
    DataSize maxSize,
    List<Path> trustedCertificates,
    List<Path> crls,
    Path developmentCa) {

  SignaturePolicy {
    trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
    crls = crls == null ? List.of() : List.copyOf(crls);
  }
}
