package org.propusk.test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Certification authorities, qualified certificates and CMS signatures made with BouncyCastle at
 * test time. The trusted CAs are written where the test configuration reads them ({@code
 * target/signature-test-ca}); {@link #REVOKING} also publishes a CRL ({@code
 * target/signature-test-crls}) naming {@link #REVOKED_SERIAL}; {@link #FOREIGN} is trusted by
 * nobody.
 */
public final class TestSignatures {

  private static final Provider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);
  private static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");

  /** The key and signature algorithms of qualified certificates. */
  public enum Algorithm {
    GOST_256("ECGOST3410-2012", new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"), "GOST3411-2012-256WITHECGOST3410-2012-256"),
    GOST_512("ECGOST3410-2012", new ECGenParameterSpec("Tc26-Gost-3410-12-512-paramSetA"), "GOST3411-2012-512WITHECGOST3410-2012-512"),
    RSA("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    ECDSA("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");

    final String keyAlgorithm;
    final AlgorithmParameterSpec parameters;
    final String signatureAlgorithm;

    Algorithm(String keyAlgorithm, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
      this.keyAlgorithm = keyAlgorithm;
      this.parameters = parameters;
      this.signatureAlgorithm = signatureAlgorithm;
    }

    KeyPair keys() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, BC);
        generator.initialize(parameters);
        return generator.generateKeyPair();
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A certification authority: its certificate and key. */
  public record Ca(String name, X509CertificateHolder certificate, PrivateKey key, Algorithm algorithm) {}

  /** A certificate with its private key. */
  public record Signer(X509CertificateHolder certificate, PrivateKey key, Algorithm algorithm) {}

  /** The holder as a certificate names them. */
  public record Person(String snils, String lastName, String firstName, String patronymic) {}

  /** The usages of a signing certificate: digital signature and non-repudiation. */
  public static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

  public static final BigInteger REVOKED_SERIAL = BigInteger.valueOf(SERIALS.incrementAndGet());

  public static final Ca RSA_CA = ca("Тестовый УЦ RSA", Algorithm.RSA);
  public static final Ca GOST_CA = ca("Тестовый УЦ ГОСТ", Algorithm.GOST_256);
  public static final Ca REVOKING = ca("Тестовый УЦ с CRL", Algorithm.ECDSA);
  public static final Ca FOREIGN = ca("Чужой УЦ", Algorithm.ECDSA);

  static {
    try {
      Path trusted = Files.createDirectories(Path.of("target/signature-test-ca"));
      for (Ca ca : List.of(RSA_CA, GOST_CA, REVOKING)) {
        Files.writeString(trusted.resolve(ca.algorithm().name().toLowerCase() + "-" + Math.abs(ca.name().hashCode()) + ".pem"), pem(ca.certificate()));
      }
      Path crls = Files.createDirectories(Path.of("target/signature-test-crls"));
      Instant now = Instant.now();
      X509v2CRLBuilder crl = new X509v2CRLBuilder(REVOKING.certificate().getSubject(), Date.from(now.minus(Duration.ofDays(3650))));
      crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(3650))));
      crl.addCRLEntry(REVOKED_SERIAL, Date.from(now.minus(Duration.ofDays(3650))), CRLReason.keyCompromise);
      Files.writeString(
          crls.resolve("revoking.crl"),
          pem(crl.build(new JcaContentSignerBuilder(REVOKING.algorithm().signatureAlgorithm).setProvider(BC).build(REVOKING.key()))));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestSignatures() {}

  /** The CA that signs certificates of this algorithm: GOST ones by the GOST CA, the others by the RSA CA. */
  public static Ca caFor(Algorithm algorithm) {
    return algorithm == Algorithm.GOST_256 || algorithm == Algorithm.GOST_512 ? GOST_CA : RSA_CA;
  }

  /** A signing certificate valid a year around {@code now}, from the CA for its algorithm. */
  public static Signer certificate(Person person, Algorithm algorithm, Instant now) {
    return certificate(caFor(algorithm), person, algorithm, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)), SIGNING, null);
  }

  /** Any certificate: the issuing CA, dates, key usage (0: no key-usage extension), serial (null: a new one). */
  public static Signer certificate(
      Ca ca, Person person, Algorithm algorithm, Instant notBefore, Instant notAfter, int keyUsage, BigInteger serial) {
    try {
      KeyPair keys = algorithm.keys();
      X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
      subject.addRDN(BCStyle.CN, person.lastName() + " " + person.firstName() + " " + person.patronymic());
      subject.addRDN(BCStyle.SURNAME, new DERUTF8String(person.lastName()));
      subject.addRDN(BCStyle.GIVENNAME, new DERUTF8String((person.firstName() + " " + person.patronymic()).strip()));
      if (person.snils() != null) {
        subject.addRDN(SNILS, new DERNumericString(person.snils()));
      }
      subject.addRDN(BCStyle.C, "RU");
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca.certificate().getSubject(),
              serial == null ? BigInteger.valueOf(SERIALS.incrementAndGet()) : serial,
              Date.from(notBefore),
              Date.from(notAfter),
              subject.build(),
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (keyUsage != 0) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      }
      return new Signer(
          builder.build(new JcaContentSignerBuilder(ca.algorithm().signatureAlgorithm).setProvider(BC).build(ca.key())),
          keys.getPrivate(),
          algorithm);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A detached CMS signature (DER) over the content, with signed attributes and the certificate. */
  public static byte[] sign(Signer signer, byte[] content) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .build(new JcaContentSignerBuilder(signer.algorithm().signatureAlgorithm).setProvider(BC).build(signer.key()), signer.certificate()));
      generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] sign(Signer signer, String challenge) {
    return sign(signer, challenge.getBytes(StandardCharsets.US_ASCII));
  }

  /** PEM of a certificate, CRL or CMS structure. */
  public static String pem(Object object) {
    try (StringWriter out = new StringWriter();
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
      pem.flush();
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Ca ca(String name, Algorithm algorithm) {
    try {
      KeyPair keys = algorithm.keys();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).addRDN(BCStyle.O, "Propusk tests").addRDN(BCStyle.C, "RU").build();
      Instant now = Instant.now();
      X509CertificateHolder certificate =
          new JcaX509v3CertificateBuilder(
                  subject,
                  BigInteger.valueOf(SERIALS.incrementAndGet()),
                  Date.from(now.minus(Duration.ofDays(3650))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm).setProvider(BC).build(keys.getPrivate()));
      return new Ca(name, certificate, keys.getPrivate(), algorithm);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
