package org.propusk.verification.internal.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.propusk.identifiers.DivisionCode;
import org.propusk.identifiers.Parsed;
import org.propusk.identifiers.Snils;

/**
 * Both registries at once, answering from a dataset of fictional citizens instead of the state
 * systems: used in development and by the tests (SPEC section 4).
 *
 * <p>A document that is not in the dataset is {@link RegistryAnswer#NOT_FOUND}; one that is, but
 * whose holder's name, birth date or (for a passport) date of issue or division code differ, is a
 * {@link RegistryAnswer#MISMATCH}. Names compare leniently: case, "ё" against "е" and surplus
 * spaces are ignored, and a missing patronymic equals an empty one.
 *
 * <p>Two knobs imitate a real registry: every call waits {@code latency}, and a share {@code
 * outageRate} of calls (drawn from {@code random}) throws {@link RegistryUnavailable}; at 1.0 every
 * check fails, so checks stay "being checked" and are retried until the rate is lowered again.
 */
public class SandboxRegistry implements PensionFundRegistry, InteriorMinistryRegistry {

  /** Where the bundled dataset is on the classpath. */
  public static final String DATASET = "sandbox/citizens.csv";

  private final Map<String, SandboxCitizen> bySnils;
  private final Map<String, SandboxCitizen> byPassport;
  private final Duration latency;
  private final double outageRate;
  private final RandomGenerator random;

  /**
   * @param latency how long each check waits before answering; zero for none
   * @param outageRate the share of checks, 0..1, that fail with {@link RegistryUnavailable}
   * @param random decides which checks fail; must be safe for concurrent use (e.g. {@link
   *     java.util.Random})
   * @throws IllegalArgumentException if two citizens share a SNILS or a passport
   */
  public SandboxRegistry(
      Collection<SandboxCitizen> citizens,
      Duration latency,
      double outageRate,
      RandomGenerator random) {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive");
    }
    if (!(outageRate >= 0.0 && outageRate <= 1.0)) {
      throw new IllegalArgumentException("outage rate must be between 0 and 1");
    }
    this.latency = latency;
    this.outageRate = outageRate;
    this.random = Objects.requireNonNull(random, "random");
    this.bySnils = HashMap.newHashMap(citizens.size());
    this.byPassport = HashMap.newHashMap(citizens.size());
    for (SandboxCitizen citizen : citizens) {
      if (bySnils.putIfAbsent(citizen.snils(), citizen) != null) {
        throw new IllegalArgumentException("two sandbox citizens share a SNILS");
      }
      if (byPassport.putIfAbsent(citizen.passportKey(), citizen) != null) {
        throw new IllegalArgumentException("two sandbox citizens share a passport");
      }
    }
  }

  /** Reads the bundled dataset ({@link #DATASET}) from the classpath. */
  public static List<SandboxCitizen> bundledDataset() {
    InputStream in = SandboxRegistry.class.getClassLoader().getResourceAsStream(DATASET);
    if (in == null) {
      throw new IllegalStateException(
          "the sandbox dataset " + DATASET + " is not on the classpath");
    }
    return readDataset(in);
  }

  /**
   * Reads a dataset in the format of {@link SandboxCitizen#toCsv()}: UTF-8, a header line, one
   * citizen per line. Closes the stream.
   */
  public static List<SandboxCitizen> readDataset(InputStream in) {
    List<SandboxCitizen> citizens = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (!SandboxCitizen.CSV_HEADER.equals(header)) {
        throw new IllegalArgumentException(
            "the sandbox dataset does not start with the expected header");
      }
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          citizens.add(SandboxCitizen.fromCsv(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "sandbox dataset line " + lineNumber + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sandbox dataset", e);
    }
    return citizens;
  }

  /** How many citizens the registry knows. */
  public int size() {
    return bySnils.size();
  }

  @Override
  public RegistryAnswer checkSnils(SnilsQuery query) {
    behaveLikeARemoteRegistry();
    SandboxCitizen citizen =
        switch (Snils.parse(query.snils())) {
          case Parsed.Valid<Snils> valid -> bySnils.get(valid.value().digits());
          case Parsed.Invalid<Snils> invalid -> null; // the fund has no such number
        };
    if (citizen == null) {
      return RegistryAnswer.NOT_FOUND;
    }
    return sameHolder(
            citizen, query.lastName(), query.firstName(), query.patronymic(), query.birthDate())
        ? RegistryAnswer.VERIFIED
        : RegistryAnswer.MISMATCH;
  }

  @Override
  public RegistryAnswer checkPassport(PassportQuery query) {
    behaveLikeARemoteRegistry();
    SandboxCitizen citizen =
        query.series() == null || query.number() == null
            ? null
            : byPassport.get(digits(query.series()) + digits(query.number()));
    if (citizen == null) {
      return RegistryAnswer.NOT_FOUND;
    }
    boolean sameDocument =
        citizen.passportIssuedOn().equals(query.issuedOn())
            && citizen.divisionCode().equals(divisionCode(query.divisionCode()));
    return sameDocument
            && sameHolder(
                citizen, query.lastName(), query.firstName(), query.patronymic(), query.birthDate())
        ? RegistryAnswer.VERIFIED
        : RegistryAnswer.MISMATCH;
  }

  /**
   * The person by passport, then the address (see {@link SandboxAddresses}): parts compare as names
   * do, the district is not compared (the sandbox files none), a missing part equals an empty one.
   */
  @Override
  public RegistryAnswer checkRegistration(RegistrationQuery query) {
    behaveLikeARemoteRegistry();
    SandboxCitizen citizen =
        query.series() == null || query.number() == null
            ? null
            : byPassport.get(digits(query.series()) + digits(query.number()));
    if (citizen == null) {
      return RegistryAnswer.NOT_FOUND;
    }
    SandboxAddresses.SandboxAddress filed = SandboxAddresses.registrationOf(citizen);
    boolean sameAddress =
        comparable(filed.postalIndex()).equals(comparable(query.postalIndex()))
            && comparable(filed.region()).equals(comparable(query.region()))
            && comparable(filed.settlement()).equals(comparable(query.settlement()))
            && comparable(filed.street()).equals(comparable(query.street()))
            && comparable(filed.house()).equals(comparable(query.house()))
            && comparable(filed.building()).equals(comparable(query.building()))
            && comparable(filed.flat()).equals(comparable(query.flat()));
    return sameAddress
            && sameHolder(
                citizen, query.lastName(), query.firstName(), query.patronymic(), query.birthDate())
        ? RegistryAnswer.VERIFIED
        : RegistryAnswer.MISMATCH;
  }

  /** Waits the configured latency, then fails the configured share of calls. */
  private void behaveLikeARemoteRegistry() {
    if (latency.isPositive()) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailable("sandbox registry: interrupted while waiting", e);
      }
    }
    if (outageRate > 0.0 && random.nextDouble() < outageRate) {
      throw new RegistryUnavailable("sandbox registry: simulated outage");
    }
  }

  private static boolean sameHolder(
      SandboxCitizen citizen,
      String lastName,
      String firstName,
      String patronymic,
      LocalDate birthDate) {
    return citizen.birthDate().equals(birthDate)
        && comparable(citizen.lastName()).equals(comparable(lastName))
        && comparable(citizen.firstName()).equals(comparable(firstName))
        && comparable(citizen.patronymic()).equals(comparable(patronymic));
  }

  /** Ignores case, "ё" against "е" and whitespace differences; null compares as empty. */
  private static String comparable(String name) {
    if (name == null) {
      return "";
    }
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  private static String digits(String raw) {
    return raw.replaceAll("\\s+", "");
  }

  /** The division code in the dataset's NNN-NNN form, or null if the query's is unreadable. */
  private static String divisionCode(String raw) {
    return switch (DivisionCode.parse(raw)) {
      case Parsed.Valid<DivisionCode> valid -> valid.value().value();
      case Parsed.Invalid<DivisionCode> invalid -> null;
    };
  }
}
