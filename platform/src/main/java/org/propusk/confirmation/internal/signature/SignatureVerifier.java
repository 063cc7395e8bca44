package org.propusk.confirmation.internal.signature;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.propusk.shared.InvalidInput;

/**
 * Checks a CMS (PKCS #7) signature over a challenge with BouncyCastle: the signature itself, the
 * signer's certificate (dates at the given time, key usage), its path to a trusted CA, and the
 * CRLs configured for its issuers. Every refusal is a violation of the field {@code signature},
 * with a code that says what is wrong; any bytes at all end in one of them, never in an exception
 * of another kind.
 */
final class SignatureVerifier {

  /** BouncyCastle, not registered globally: the JDK's providers know no GOST. */
  static final Provider PROVIDER = new BouncyCastleProvider();

  static final String FIELD = "signature";

  /** The SNILS in a qualified certificate (order of the FSB on the qualified certificate profile). */
  static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");

  /** Key algorithms of the accepted signatures: RSA, ECDSA, GOST R 34.10-2012 256 and 512 bit. */
  private static final Set<String> KEY_ALGORITHMS =
      Set.of("1.2.840.113549.1.1.1", "1.2.840.10045.2.1", "1.2.643.7.1.1.1.1", "1.2.643.7.1.1.1.2");

  /** Digests: SHA-256/384/512 and GOST R 34.11-2012 256 and 512 bit (no SHA-1, MD5 or GOST 94). */
  private static final Set<String> DIGESTS =
      Set.of(
          "2.16.840.1.101.3.4.2.1",
          "2.16.840.1.101.3.4.2.2",
          "2.16.840.1.101.3.4.2.3",
          "1.2.643.7.1.1.2.2",
          "1.2.643.7.1.1.2.3");

  /** What the checked certificate says of its holder and where it comes from. */
  record SignerCertificate(String snils, String surname, String givenName, String issuer, BigInteger serial) {

    /** The source shown in the citizen's history: issuer and serial, no personal data. */
    String source() {
      return issuer + ", serial " + serial.toString(16).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return "SignerCertificate[" + source() + "]";
    }
  }

  private SignatureVerifier() {}

  /**
   * The DER of a signature as uploaded or pasted: DER itself, PEM ({@code -----BEGIN PKCS7-----},
   * {@code CMS} or {@code SIGNATURE}) or bare Base64. Input larger than a Base64 of {@code maxDer}
   * bytes is refused unread.
   */
  static byte[] decode(byte[] input, int maxDer) {
    if (input == null || input.length == 0) {
      throw refusal("required");
    }
    if (input.length > maxInput(maxDer)) {
      throw refusal("too-large");
    }
    byte[] der;
    if (input[0] == 0x30) {
      der = input;
    } else {
      String text = new String(input, StandardCharsets.US_ASCII).replaceAll("-----(BEGIN|END) [A-Z0-9 ]{1,40}-----", "");
      String base64 = text.replaceAll("\\s", "");
      if (base64.isEmpty()) {
        throw refusal("required");
      }
      try {
        der = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException notBase64) {
        throw refusal("unreadable");
      }
    }
    if (der.length > maxDer) {
      throw refusal("too-large");
    }
    return der;
  }

  /** The most bytes of input read for a signature of at most {@code maxDer}: Base64 with PEM lines. */
  static long maxInput(long maxDer) {
    return maxDer / 3 * 4 + 1024;
  }

  /**
   * Checks the signature over {@code content} and the signer's certificate.
   *
   * @throws InvalidInput with the reason as the code of field {@code signature}
   */
  static SignerCertificate verify(byte[] der, byte[] content, TrustedCertificates.Material trust, Instant now) {
    CMSSignedData signed = parse(der, content);
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw refusal("signers");
    }
    SignerInformation signer = signers.iterator().next();
    X509CertificateHolder holder = signerCertificate(signed, signer);
    if (!KEY_ALGORITHMS.contains(holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId())
        || !DIGESTS.contains(signer.getDigestAlgOID())) {
      throw refusal("algorithm");
    }
    Date at = Date.from(now);
    if (at.before(holder.getNotBefore())) {
      throw refusal("not-yet-valid");
    }
    if (at.after(holder.getNotAfter())) {
      throw refusal("expired");
    }
    KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
    if (usage == null || !(usage.hasUsages(KeyUsage.digitalSignature) || usage.hasUsages(KeyUsage.nonRepudiation))) {
      throw refusal("key-usage");
    }
    // after the dates: BouncyCastle refuses a certificate not valid at the signing time as well
    checkSignature(signer, holder);
    X509Certificate certificate = convert(holder);
    List<X509Certificate> path = path(certificate, others(signed, holder), trust, at);
    checkRevocation(path, trust.crls(), at);
    return new SignerCertificate(
        value(holder.getSubject(), SNILS),
        value(holder.getSubject(), BCStyle.SURNAME),
        value(holder.getSubject(), BCStyle.GIVENNAME),
        issuerName(holder.getIssuer()),
        holder.getSerialNumber());
  }

  private static CMSSignedData parse(byte[] der, byte[] content) {
    try {
      CMSSignedData signed = new CMSSignedData(der);
      if (signed.getSignedContent() == null) {
        return new CMSSignedData(new CMSProcessableByteArray(content), der);
      }
      // an attached signature counts when what it carries is the challenge itself
      if (!(signed.getSignedContent().getContent() instanceof byte[] carried) || !Arrays.equals(carried, content)) {
        throw refusal("mismatch");
      }
      return signed;
    } catch (InvalidInput refused) {
      throw refused;
    } catch (Exception | StackOverflowError unreadable) {
      // garbage, truncated DER, another ASN.1 structure: BouncyCastle throws many kinds (and
      // recurses into nested structures, so hostile nesting could exhaust the stack)
      throw refusal("unreadable");
    }
  }

  private static X509CertificateHolder signerCertificate(CMSSignedData signed, SignerInformation signer) {
    try {
      Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        throw refusal("certificate-missing");
      }
      return matches.iterator().next();
    } catch (InvalidInput refused) {
      throw refused;
    } catch (RuntimeException unreadable) {
      throw refusal("unreadable");
    }
  }

  private static void checkSignature(SignerInformation signer, X509CertificateHolder holder) {
    boolean valid;
    try {
      // with the key, not the certificate: BouncyCastle would also hold the certificate's dates
      // against the signing time the signer wrote, while they are checked at Propusk's clock
      valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(PROVIDER).build(convert(holder).getPublicKey()));
    } catch (Exception wrong) {
      // a digest that does not match the content, a broken signature value, a key that does not fit
      valid = false;
    }
    if (!valid) {
      throw refusal("mismatch");
    }
  }

  private static X509Certificate convert(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
    } catch (GeneralSecurityException | RuntimeException unreadable) {
      throw refusal("unreadable");
    }
  }

  private static List<X509Certificate> others(CMSSignedData signed, X509CertificateHolder signerHolder) {
    List<X509Certificate> others = new ArrayList<>();
    for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
      if (!holder.equals(signerHolder)) {
        others.add(convert(holder));
      }
    }
    return others;
  }

  /** The certificate's path up to a trusted anchor, at the given time; the anchor is not in it. */
  private static List<X509Certificate> path(
      X509Certificate certificate, List<X509Certificate> carried, TrustedCertificates.Material trust, Date at) {
    if (trust.anchors().isEmpty()) {
      throw refusal("untrusted");
    }
    try {
      Set<TrustAnchor> anchors = new HashSet<>();
      trust.anchors().forEach(anchor -> anchors.add(new TrustAnchor(anchor, null)));
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setDate(at);
      // revocation is checked below, against the configured CRLs only: nothing is fetched
      parameters.setRevocationEnabled(false);
      List<X509Certificate> candidates = new ArrayList<>(carried);
      candidates.addAll(trust.intermediates());
      candidates.add(certificate);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates), PROVIDER));
      PKIXCertPathBuilderResult result =
          (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", PROVIDER).build(parameters);
      List<X509Certificate> path = new ArrayList<>();
      result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
      path.add(result.getTrustAnchor().getTrustedCert());
      return path;
    } catch (GeneralSecurityException | RuntimeException untrusted) {
      throw refusal("untrusted");
    }
  }

  /**
   * Each certificate of the path whose issuer has a configured CRL is checked against it: a CRL
   * signed by the issuer and current at the time. An issuer with CRLs but none of them usable
   * leaves the status unknown, which refuses too.
   */
  private static void checkRevocation(List<X509Certificate> path, List<X509CRL> crls, Date at) {
    for (int i = 0; i + 1 < path.size(); i++) {
      X509Certificate certificate = path.get(i);
      PublicKey issuerKey = path.get(i + 1).getPublicKey();
      boolean listed = false;
      boolean current = false;
      for (X509CRL crl : crls) {
        if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
          continue;
        }
        listed = true;
        if (!signedBy(crl, issuerKey) || at.before(crl.getThisUpdate())
            || (crl.getNextUpdate() != null && at.after(crl.getNextUpdate()))) {
          continue;
        }
        current = true;
        if (crl.isRevoked(certificate)) {
          throw refusal("revoked");
        }
      }
      if (listed && !current) {
        throw refusal("revocation-unknown");
      }
    }
  }

  private static boolean signedBy(X509CRL crl, PublicKey key) {
    try {
      crl.verify(key, PROVIDER);
      return true;
    } catch (GeneralSecurityException | RuntimeException wrong) {
      return false;
    }
  }

  /** The first value of an attribute of a name, or null. */
  private static String value(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0 || !(rdns[0].getFirst().getValue() instanceof ASN1String text)) {
      return null;
    }
    return text.getString();
  }

  /** The issuer's common name, or its organisation, or the whole name. */
  private static String issuerName(X500Name issuer) {
    String cn = value(issuer, BCStyle.CN);
    if (cn == null) {
      cn = value(issuer, BCStyle.O);
    }
    String name = cn == null ? issuer.toString() : cn;
    return name.length() > 120 ? name.substring(0, 120) : name;
  }

  static InvalidInput refusal(String code) {
    return new InvalidInput(FIELD, code);
  }
}
