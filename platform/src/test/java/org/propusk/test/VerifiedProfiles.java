package org.propusk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.propusk.verification.internal.registry.SandboxAddresses;
import org.propusk.verification.internal.registry.SandboxCitizen;

/**
 * A citizen's "Мои данные" filled with a fictional citizen of the sandbox dataset, saved over the
 * API and waited for until both registry checks verified it. Each call hands out another row of
 * the dataset (in turn from a random start), so that tests sharing one database never take each
 * other's SNILS (a verified SNILS belongs to one account; random rows met within a suite run);
 * the first rows are left to the tests that name them.
 */
public final class VerifiedProfiles {

  private static final List<String> ROWS = rows();
  private static final int NAMED_ROWS = 1000;
  private static final AtomicInteger NEXT_ROW = new AtomicInteger(ThreadLocalRandom.current().nextInt(ROWS.size()));

  private VerifiedProfiles() {}

  /** Saves a sandbox citizen's data for this signed-in client and waits until SNILS and passport are verified. */
  public static Map<String, Object> verify(ApiClient citizen) {
    Map<String, Object> profile = randomCitizen();
    ApiClient.Response saved = citizen.put("/api/v1/profile", profile);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () -> {
              var checks = citizen.get("/api/v1/profile").json().get("checks");
              return checks.get("snils").get("state").asString().equals("verified")
                  && checks.get("passport").get("state").asString().equals("verified");
            });
    return profile;
  }

  /**
   * As {@link #verify}, then saves the citizen's registration address as the sandbox ministry has
   * it on record and waits until it is verified too. Returns the address as sent.
   */
  public static Map<String, Object> verifyWithAddress(ApiClient citizen) {
    Map<String, Object> address = registrationAddressOf(verify(citizen));
    ApiClient.Response saved = citizen.put("/api/v1/profile/address", Map.of("registration", address));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    await()
        .atMost(Waits.BACKGROUND)
        .until(
            () ->
                citizen.get("/api/v1/profile/address").json().get("checks").get("registration").get("state")
                    .asString()
                    .equals("verified"));
    return address;
  }

  /** The sandbox ministry's registration address of the citizen whose profile this is, as a form. */
  public static Map<String, Object> registrationAddressOf(Map<String, Object> profile) {
    String snils = ((String) profile.get("snils")).replaceAll("[^0-9]", "");
    SandboxCitizen citizen =
        ROWS.stream().map(SandboxCitizen::fromCsv).filter(c -> c.snils().equals(snils)).findFirst().orElseThrow();
    SandboxAddresses.SandboxAddress a = SandboxAddresses.registrationOf(citizen);
    Map<String, Object> address = new HashMap<>();
    address.put("postalIndex", a.postalIndex());
    address.put("region", a.region());
    address.put("district", a.district());
    address.put("settlement", a.settlement());
    address.put("street", a.street());
    address.put("house", a.house());
    address.put("building", a.building());
    address.put("flat", a.flat());
    return address;
  }

  /**
   * A row of the sandbox dataset (last name, first name, patronymic, gender, birth date, birth
   * place, SNILS, passport series and number, issue date, issuer, division code) that no other
   * caller in this JVM has had.
   */
  public static String[] unusedCitizenRow() {
    return ROWS.get(NAMED_ROWS + Math.floorMod(NEXT_ROW.getAndIncrement(), ROWS.size() - NAMED_ROWS)).split(",", -1);
  }

  /** A fictional citizen of the sandbox registries no other test has had, as the profile form takes it. */
  public static Map<String, Object> randomCitizen() {
    String[] f = unusedCitizenRow();
    String snils = f[6];
    Map<String, Object> profile = new HashMap<>();
    profile.put("lastName", f[0]);
    profile.put("firstName", f[1]);
    profile.put("patronymic", f[2]);
    profile.put("gender", f[3]);
    profile.put("birthDate", f[4]);
    profile.put("birthPlace", f[5]);
    profile.put("citizenship", "RU");
    profile.put(
        "snils", snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " " + snils.substring(9));
    profile.put("passportSeries", f[7].substring(0, 2) + " " + f[7].substring(2));
    profile.put("passportNumber", f[8]);
    profile.put("passportIssuedOn", LocalDate.parse(f[9]).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    profile.put("passportIssuer", f[10]);
    profile.put("divisionCode", f[11].replace("-", ""));
    return profile;
  }

  private static List<String> rows() {
    try (InputStream in = VerifiedProfiles.class.getClassLoader().getResourceAsStream("sandbox/citizens.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
