package org.propusk.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.propusk.test.TestSignatures;
import org.propusk.test.TestSignatures.Algorithm;
import org.propusk.test.TestSignatures.Person;
import org.propusk.test.TestSignatures.Signer;
import org.propusk.test.VerifiedProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The qualified electronic signature way over the JSON API: a signature over the challenge whose
 * certificate names the verified person makes a Standard account Confirmed, in every accepted
 * algorithm; every other signature, certificate or input is refused with its reason next to the
 * field, and the level stays.
 */
@PropuskIntegrationTest
class SignatureApiIntegrationTests {

  static final String PASSWORD = "тёплый-ветер-над-рекой-31";
  static final String CHALLENGE = "/api/v1/confirmation/signature/challenge";
  static final String SIGNATURE = "/api/v1/confirmation/signature";

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  record Citizen(ApiClient client, Person person) {}

  Citizen standardCitizen() {
    ApiClient client = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> profile = VerifiedProfiles.verify(client);
    return new Citizen(
        client,
        new Person(
            profile.get("snils").toString().replaceAll("\\D", ""),
            profile.get("lastName").toString(),
            profile.get("firstName").toString(),
            profile.get("patronymic").toString()));
  }

  static ApiClient.Response challenge(ApiClient client) {
    ApiClient.Response answer = client.post(CHALLENGE, Map.of());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer;
  }

  static ApiClient.Response submit(ApiClient client, String challengeId, byte[] signature) {
    return client.post(SIGNATURE, Map.of("challengeId", challengeId, "signature", Base64.getEncoder().encodeToString(signature)));
  }

  static String level(ApiClient client) {
    return client.get("/api/v1/me").text("level");
  }

  static void assertRefused(Citizen citizen, ApiClient.Response answer, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    var error = answer.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("signature");
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank().doesNotContain("violation.");
    assertThat(level(citizen.client())).isEqualTo("standard");
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aSignatureOverTheChallengeWithTheCitizensCertificateConfirmsTheAccount(Algorithm algorithm) {
    Citizen citizen = standardCitizen();
    ApiClient.Response challenge = challenge(citizen.client());
    assertThat(challenge.text("challenge")).startsWith("propusk-identity-confirmation:");
    assertThat(challenge.json().get("attemptsLeft").asInt()).isEqualTo(5);
    Signer signer = TestSignatures.certificate(citizen.person(), algorithm, clock.instant());

    ApiClient.Response answer =
        submit(citizen.client(), challenge.text("id"), TestSignatures.sign(signer, challenge.text("challenge")));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.text("level")).isEqualTo("confirmed");
    assertThat(answer.text("source"))
        .isEqualTo(TestSignatures.caFor(algorithm).name() + ", serial " + signer.certificate().getSerialNumber().toString(16).toUpperCase());
    assertThat(level(citizen.client())).isEqualTo("confirmed");
  }

  @Test
  void aPemSignatureAndNamesWrittenWithYoAndOtherCaseCountToo() {
    Citizen citizen = standardCitizen();
    ApiClient.Response challenge = challenge(citizen.client());
    Person p = citizen.person();
    Person written = new Person(p.snils(), p.lastName().toUpperCase().replace('Е', 'Ё'), p.firstName().toLowerCase(), " " + p.patronymic());
    Signer signer = TestSignatures.certificate(written, Algorithm.ECDSA, clock.instant());
    String pem =
        "-----BEGIN PKCS7-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestSignatures.sign(signer, challenge.text("challenge")))
            + "\n-----END PKCS7-----\n";

    ApiClient.Response answer = citizen.client().post(SIGNATURE, Map.of("challengeId", challenge.text("id"), "signature", pem));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(level(citizen.client())).isEqualTo("confirmed");
  }

  @Test
  void refusesAnExpiredCertificate() {
    Citizen citizen = standardCitizen();
    Instant now = clock.instant();
    refuses(citizen, TestSignatures.certificate(TestSignatures.RSA_CA, citizen.person(), Algorithm.RSA,
        now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)), TestSignatures.SIGNING, null), "expired");
  }

  @Test
  void refusesACertificateNotValidYet() {
    Citizen citizen = standardCitizen();
    Instant now = clock.instant();
    refuses(citizen, TestSignatures.certificate(TestSignatures.GOST_CA, citizen.person(), Algorithm.GOST_256,
        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)), TestSignatures.SIGNING, null), "not-yet-valid");
  }

  @Test
  void refusesACertificateOfAnUntrustedCa() {
    Citizen citizen = standardCitizen();
    Instant now = clock.instant();
    refuses(citizen, TestSignatures.certificate(TestSignatures.FOREIGN, citizen.person(), Algorithm.ECDSA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), TestSignatures.SIGNING, null), "untrusted");
  }

  @Test
  void refusesAnotherPersonsSnils() {
    Citizen citizen = standardCitizen();
    Person p = citizen.person();
    String other = p.snils().substring(0, 10) + (p.snils().charAt(10) == '0' ? '1' : '0');
    refuses(citizen, TestSignatures.certificate(new Person(other, p.lastName(), p.firstName(), p.patronymic()), Algorithm.GOST_512, clock.instant()),
        "snils-mismatch");
  }

  @Test
  void refusesACertificateWithoutSnils() {
    Citizen citizen = standardCitizen();
    Person p = citizen.person();
    refuses(citizen, TestSignatures.certificate(new Person(null, p.lastName(), p.firstName(), p.patronymic()), Algorithm.RSA, clock.instant()),
        "snils-mismatch");
  }

  @Test
  void refusesAnotherName() {
    Citizen citizen = standardCitizen();
    Person p = citizen.person();
    // another name than the citizen's, whichever row of the sandbox data the citizen is
    String otherPatronymic = p.patronymic().equals("Иванович") ? "Петрович" : "Иванович";
    refuses(citizen, TestSignatures.certificate(new Person(p.snils(), p.lastName(), p.firstName(), otherPatronymic), Algorithm.ECDSA, clock.instant()),
        "name-mismatch");
    refuses(citizen, TestSignatures.certificate(new Person(p.snils(), p.lastName() + "-Подставкина", p.firstName(), p.patronymic()), Algorithm.ECDSA, clock.instant()),
        "name-mismatch");
  }

  @Test
  void refusesACertificateWithoutASigningKeyUsage() {
    Citizen citizen = standardCitizen();
    Instant now = clock.instant();
    refuses(citizen, TestSignatures.certificate(TestSignatures.RSA_CA, citizen.person(), Algorithm.RSA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), KeyUsage.keyEncipherment, null), "key-usage");
    refuses(citizen, TestSignatures.certificate(TestSignatures.RSA_CA, citizen.person(), Algorithm.RSA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), 0, null), "key-usage");
  }

  @Test
  void refusesARevokedCertificateWhenItsCaHasACrl() {
    Citizen citizen = standardCitizen();
    Instant now = clock.instant();
    refuses(citizen, TestSignatures.certificate(TestSignatures.REVOKING, citizen.person(), Algorithm.ECDSA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), TestSignatures.SIGNING, TestSignatures.REVOKED_SERIAL), "revoked");
  }

  @Test
  void acceptsACertificateOfACaWithACrlThatDoesNotNameIt() {
    Citizen citizen = standardCitizen();
    ApiClient.Response challenge = challenge(citizen.client());
    Instant now = clock.instant();
    Signer signer = TestSignatures.certificate(TestSignatures.REVOKING, citizen.person(), Algorithm.ECDSA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), TestSignatures.SIGNING, null);

    ApiClient.Response answer = submit(citizen.client(), challenge.text("id"), TestSignatures.sign(signer, challenge.text("challenge")));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  @Test
  void refusesATamperedSignatureAndOneOverAnotherChallenge() {
    Citizen citizen = standardCitizen();
    Signer signer = TestSignatures.certificate(citizen.person(), Algorithm.GOST_256, clock.instant());
    ApiClient.Response first = challenge(citizen.client());
    ApiClient.Response second = challenge(citizen.client());

    assertRefused(citizen, submit(citizen.client(), second.text("id"), TestSignatures.sign(signer, first.text("challenge"))), "mismatch");
    byte[] tampered = TestSignatures.sign(signer, second.text("challenge"));
    tampered[tampered.length - 3] ^= 0x01; // inside the signature value, the last field
    assertRefused(citizen, submit(citizen.client(), second.text("id"), tampered), "mismatch");
  }

  @Test
  void refusesGarbageOfEveryKind() {
    Citizen citizen = standardCitizen();
    String id = challenge(citizen.client()).text("id");
    Random random = new Random(13);
    byte[] noise = new byte[700];
    random.nextBytes(noise);
    byte[] valid = TestSignatures.sign(TestSignatures.certificate(citizen.person(), Algorithm.RSA, clock.instant()), "x");

    assertRefused(citizen, submit(citizen.client(), id, noise), "unreadable");
    assertRefused(citizen, submit(citizen.client(), id, Arrays.copyOf(valid, valid.length / 2)), "unreadable");
    assertRefused(citizen, submit(citizen.client(), id, new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}), "unreadable");
    assertRefused(citizen, citizen.client().post(SIGNATURE, Map.of("challengeId", id, "signature", "это не base64!")), "unreadable");
    // a fresh challenge: five attempts are spent above
    String next = challenge(citizen.client()).text("id");
    assertRefused(citizen, citizen.client().post(SIGNATURE, Map.of("challengeId", next, "signature", "   ")), "required");
    assertRefused(citizen, citizen.client().post(SIGNATURE, Map.of("challengeId", next)), "required");
    byte[] huge = new byte[40 * 1024];
    random.nextBytes(huge);
    assertRefused(citizen, submit(citizen.client(), next, huge), "too-large");
  }

  @Test
  void answersProblemsForBadRequestsWithoutChangingTheLevel() {
    Citizen citizen = standardCitizen();
    ApiClient client = citizen.client();
    ApiClient.Csrf csrf = client.csrf();
    ApiClient.Response wrongType =
        client.send(client.request(SIGNATURE).header("Content-Type", "text/plain").header(csrf.headerName(), csrf.token())
            .POST(HttpRequest.BodyPublishers.ofString("MIIB")));
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(client.post(SIGNATURE, "{not json").status()).isEqualTo(400);
    ApiClient.Response noChallenge = client.post(SIGNATURE, Map.of("signature", "MIIB"));
    assertThat(noChallenge.status()).isEqualTo(422);
    assertThat(noChallenge.json().get("errors").get(0).get("field").asString()).isEqualTo("challengeId");
    ApiClient.Response unknown = client.post(SIGNATURE, Map.of("challengeId", "not-a-uuid", "signature", "MIIB"));
    assertThat(unknown.status()).isEqualTo(400);
    ApiClient.Response foreign = client.post(SIGNATURE, Map.of("challengeId", challenge(standardCitizen().client()).text("id"), "signature", "MIIB"));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(new ApiClient(port).post(CHALLENGE, Map.of()).status()).isEqualTo(401);
    assertThat(level(client)).isEqualTo("standard");
  }

  @Test
  void aChallengeIsUsedOnceAndExpires() {
    Citizen citizen = standardCitizen();
    Signer signer = TestSignatures.certificate(citizen.person(), Algorithm.ECDSA, clock.instant());
    ApiClient.Response old = challenge(citizen.client());
    clock.advance(Duration.ofMinutes(16));
    ApiClient.Response expired = submit(citizen.client(), old.text("id"), TestSignatures.sign(signer, old.text("challenge")));
    assertThat(expired.status()).as(expired.toString()).isEqualTo(409);
    assertThat(expired.json().get("type").asString()).endsWith("/signature-challenge-expired");
    assertThat(level(citizen.client())).isEqualTo("standard");

    ApiClient.Response fresh = challenge(citizen.client());
    byte[] signature = TestSignatures.sign(signer, fresh.text("challenge"));
    assertThat(submit(citizen.client(), fresh.text("id"), signature).status()).isEqualTo(200);
    ApiClient.Response again = submit(citizen.client(), fresh.text("id"), signature);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/signature-challenge-used");
    ApiClient.Response more = citizen.client().post(CHALLENGE, Map.of());
    assertThat(more.status()).isEqualTo(409);
    assertThat(more.json().get("type").asString()).endsWith("/signature-not-standard");
  }

  @Test
  void spendsTheAttemptsOfAChallenge() {
    Citizen citizen = standardCitizen();
    ApiClient.Response challenge = challenge(citizen.client());
    Signer stranger = TestSignatures.certificate(new Person("11223344595", "Петров", "Пётр", "Петрович"), Algorithm.ECDSA, clock.instant());
    for (int i = 0; i < 5; i++) {
      assertRefused(citizen, submit(citizen.client(), challenge.text("id"), TestSignatures.sign(stranger, challenge.text("challenge"))), "snils-mismatch");
    }
    Signer own = TestSignatures.certificate(citizen.person(), Algorithm.ECDSA, clock.instant());
    ApiClient.Response spent = submit(citizen.client(), challenge.text("id"), TestSignatures.sign(own, challenge.text("challenge")));
    assertThat(spent.status()).isEqualTo(409);
    assertThat(spent.json().get("type").asString()).endsWith("/signature-attempts-spent");
    assertThat(level(citizen.client())).isEqualTo("standard");
  }

  @Test
  void signaturesSentTogetherNeverCheckMoreThanTheChallengesAttempts() throws Exception {
    Citizen citizen = standardCitizen();
    String id = challenge(citizen.client()).text("id");
    byte[] noise = "not a signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int threads = 10;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return submit(citizen.client(), id, noise).status();
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      long checked = statuses.stream().filter(status -> status == 422).count();
      assertThat(statuses).as("each either checked or refused as a conflict").allMatch(status -> status == 422 || status == 409);
      assertThat(checked).isBetween(1L, 5L);
      assertThat(jdbc.sql("select attempts from signature_challenge where id = :id").param("id", UUID.fromString(id)).query(Integer.class).single())
          .as("every checked signature was counted first, and no other")
          .isEqualTo((int) checked);
    } finally {
      pool.shutdownNow();
    }
    assertThat(level(citizen.client())).isEqualTo("standard");
  }

  @Test
  void aSimplifiedAccountIsToldToFinishItsDataFirst() {
    ApiClient client = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    ApiClient.Response answer = client.post(CHALLENGE, Map.of());
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("type").asString()).endsWith("/signature-not-standard");
    assertThat(answer.json().get("level").asString()).isEqualTo("simplified");
  }

  private void refuses(Citizen citizen, Signer signer, String code) {
    ApiClient.Response challenge = challenge(citizen.client());
    assertRefused(citizen, submit(citizen.client(), challenge.text("id"), TestSignatures.sign(signer, challenge.text("challenge"))), code);
  }
}
