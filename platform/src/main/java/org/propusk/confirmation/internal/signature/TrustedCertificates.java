package org.propusk.confirmation.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trusted CA certificates and the CRLs, read from the configured files and directories at each
 * check: a CA or a fresh CRL put there counts at once, without a restart (a handful of small files,
 * read for a rare operation). A file that cannot be read is skipped with a warning.
 */
@Component
class TrustedCertificates {

  private static final Logger log = LoggerFactory.getLogger(TrustedCertificates.class);

  /** Self-signed certificates are anchors, the others intermediates. */
  record Material(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {}

  private final SignaturePolicy policy;

  TrustedCertificates(SignaturePolicy policy) {
    this.policy = policy;
  }

  Material load() {
    List<X509Certificate> anchors = new ArrayList<>();
    List<X509Certificate> intermediates = new ArrayList<>();
    for (Path file : files(policy.trustedCertificates())) {
      for (X509Certificate certificate : read(file, TrustedCertificates::certificates)) {
        (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) ? anchors : intermediates)
            .add(certificate);
      }
    }
    List<X509CRL> crls = new ArrayList<>();
    for (Path file : files(policy.crls())) {
      crls.addAll(read(file, TrustedCertificates::crls));
    }
    return new Material(anchors, intermediates, crls);
  }

  private interface Reader<T> {
    List<T> read(InputStream in) throws CertificateException, CRLException;
  }

  private static <T> List<T> read(Path file, Reader<T> reader) {
    try (InputStream in = Files.newInputStream(file)) {
      return reader.read(in);
    } catch (IOException | CertificateException | CRLException | RuntimeException unreadable) {
      log.warn("Skipping {}: not a readable certificate or CRL file ({})", file, unreadable.getMessage());
      return List.of();
    }
  }

  private static List<X509Certificate> certificates(InputStream in) throws CertificateException {
    return CertificateFactory.getInstance("X.509", SignatureVerifier.PROVIDER).generateCertificates(in).stream()
        .map(X509Certificate.class::cast)
        .toList();
  }

  private static List<X509CRL> crls(InputStream in) throws CertificateException, CRLException {
    return CertificateFactory.getInstance("X.509", SignatureVerifier.PROVIDER).generateCRLs(in).stream()
        .map(X509CRL.class::cast)
        .toList();
  }

  /** The files themselves, and the regular files directly inside the directories, in name order. */
  private static List<Path> files(List<Path> locations) {
    List<Path> files = new ArrayList<>();
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        try (Stream<Path> inside = Files.list(location)) {
          inside.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
              .forEach(files::add);
        } catch (IOException unreadable) {
          log.warn("Skipping directory {}: {}", location, unreadable.getMessage());
        }
      } else if (Files.isRegularFile(location)) {
        files.add(location);
      } else {
        log.warn("Skipping {}: no such file or directory", location);
      }
    }
    return files;
  }
}
