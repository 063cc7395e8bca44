package org.propusk.confirmation.internal.signature;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Development only: a test CA to try the signature way with, made once in {@code
 * propusk.confirmation.signature.development-ca} ({@code ca.pem}, trusted in the development
 * profile, and {@code private/ca-key.pem}, to issue a certificate for a sandbox citizen with
 * openssl as the README shows). ECDSA P-256, so that a stock openssl can use it.
 */
@Component
@Profile("dev")
class DevelopmentCa {

  private static final Logger log = LoggerFactory.getLogger(DevelopmentCa.class);

  private final SignaturePolicy policy;
  private final Clock clock;

  DevelopmentCa(SignaturePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureExists() throws IOException, GeneralSecurityException, OperatorCreationException {
    if (policy.developmentCa() == null || policy.developmentCa().toString().isBlank()) {
      return;
    }
    Path directory = policy.developmentCa();
    Path certificate = directory.resolve("ca.pem");
    if (Files.exists(certificate)) {
      return;
    }
    Files.createDirectories(directory.resolve("private"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SignatureVerifier.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Propusk development CA,O=Propusk (development only),C=RU");
    Instant now = clock.instant();
    var holder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                name,
                keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
            .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(SignatureVerifier.PROVIDER).build(keys.getPrivate()));
    write(directory.resolve("private/ca-key.pem"), keys.getPrivate());
    write(certificate, holder);
    log.info("Made a development signature CA in {} (trusted in the development profile only)", directory);
  }

  private static void write(Path file, Object object) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    }
  }
}
