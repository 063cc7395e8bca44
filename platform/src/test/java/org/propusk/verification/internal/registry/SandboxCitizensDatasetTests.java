package org.propusk.verification.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.propusk.identifiers.DivisionCode;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.PersonName;
import org.propusk.identifiers.Snils;

/**
 * The committed sandbox dataset is exactly what {@link SandboxCitizensGenerator} produces, and
 * every citizen in it passes the formal checks a citizen's own data must pass (SPEC section 4).
 *
 * <p>With {@code -Dpropusk.sandbox.regenerate=true} the file is rewritten first.
 */
class SandboxCitizensDatasetTests {

  static List<SandboxCitizen> citizens;

  @BeforeAll
  static void readTheCommittedFile() throws IOException {
    if (Boolean.getBoolean("propusk.sandbox.regenerate")) {
      SandboxCitizensGenerator.main(new String[0]);
    }
    citizens = SandboxRegistry.readDataset(Files.newInputStream(committedFile()));
  }

  static Path committedFile() {
    return SandboxCitizensGenerator.defaultOutput();
  }

  @Test
  void theCommittedFileIsExactlyWhatTheGeneratorProducesWithItsSeed() throws IOException {
    String expected = SandboxCitizensGenerator.csv(SandboxCitizensGenerator.generate());
    // a checkout with Windows line endings is still the same data
    String committed =
        Files.readString(committedFile(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    // not isEqualTo: a 1.5 MB diff in a failure message helps nobody
    assertThat(committed.equals(expected))
        .as(
            "%s differs from the generator's output; regenerate it (README, Sandbox registry)",
            committedFile())
        .isTrue();
  }

  @Test
  void theBundledCopyOnTheClasspathIsTheCommittedFile() {
    // right after regenerating, the copy in target/classes is still the previous file
    assumeFalse(Boolean.getBoolean("propusk.sandbox.regenerate"));
    assertThat(SandboxRegistry.bundledDataset()).isEqualTo(citizens);
  }

  @Test
  void holdsAtLeastTenThousandCitizens() {
    assertThat(citizens).hasSizeGreaterThanOrEqualTo(10_000);
  }

  @Test
  void startsWithTheDemoCitizensOfTheReadme() {
    assertThat(citizens.subList(0, 4)).isEqualTo(SandboxCitizensGenerator.demoCitizens());
    SandboxCitizen first = citizens.getFirst();
    assertThat(first.toCsv())
        .isEqualTo(
            "Иванов,Иван,Иванович,male,1985-04-12,г. Москва,11223344595,4510,123456,2010-05-20,"
                + "УФМС России по г. Москве,770-001");
    assertThat(new Snils(first.snils()).formatted()).isEqualTo("112-233-445 95");
  }

  @Test
  void everySnilsHasAValidControlNumberAndBelongsToOneCitizen() {
    Set<String> seen = new HashSet<>();
    for (SandboxCitizen c : citizens) {
      assertThat(Snils.parse(c.snils()).violation()).as(c.snils()).isEmpty();
      assertThat(c.snils()).hasSize(11);
      assertThat(seen.add(c.snils())).as("unique SNILS " + c.snils()).isTrue();
    }
    assertThat(seen).doesNotContain(SandboxCitizensGenerator.NOT_FOUND_SNILS);
  }

  @Test
  void everyPassportIsWellFormedAndBelongsToOneCitizen() {
    Set<String> seen = new HashSet<>();
    for (SandboxCitizen c : citizens) {
      assertThat(PassportNumber.parse(c.passportSeries(), c.passportNumber()).value())
          .isEqualTo(new PassportNumber(c.passportSeries(), c.passportNumber()));
      assertThat(DivisionCode.parse(c.divisionCode()).value())
          .isEqualTo(new DivisionCode(c.divisionCode()));
      assertThat(c.passportSeries().substring(2))
          .as("series ends with the year of issue")
          .isEqualTo("%02d".formatted(c.passportIssuedOn().getYear() % 100));
      assertThat(c.passportIssuer()).isNotBlank();
      assertThat(seen.add(c.passportKey())).as("unique passport " + c.passportKey()).isTrue();
    }
    assertThat(seen)
        .doesNotContain(
            SandboxCitizensGenerator.NOT_FOUND_PASSPORT_SERIES
                + SandboxCitizensGenerator.NOT_FOUND_PASSPORT_NUMBER);
  }

  @Test
  void everyPassportWasIssuedAfterTheHoldersFourteenthBirthdayAndNotInTheFuture() {
    for (SandboxCitizen c : citizens) {
      assertThat(c.passportIssuedOn())
          .as(c.passportKey())
          .isAfter(c.birthDate().plusYears(14))
          .isBeforeOrEqualTo(SandboxCitizensGenerator.LAST_ISSUE)
          .isBeforeOrEqualTo(LocalDate.now());
    }
  }

  @Test
  void everyCitizenIsAnAdultOfAtMostNinety() {
    for (SandboxCitizen c : citizens) {
      int age = Period.between(c.birthDate(), SandboxCitizensGenerator.REFERENCE_DATE).getYears();
      assertThat(age).as(c.snils()).isBetween(18, 90);
    }
  }

  @Test
  void namesAreCyrillicValidAndAgreeWithTheGender() {
    for (SandboxCitizen c : citizens) {
      for (String name : new String[] {c.lastName(), c.firstName(), c.patronymic()}) {
        if (name != null) {
          assertThat(PersonName.parse(name).value().value()).isEqualTo(name);
          assertThat(name).as("Cyrillic only").doesNotContainPattern("[A-Za-z]");
        }
      }
      assertThat(c.gender()).isIn("male", "female");
      assertThat(c.birthPlace()).startsWith("г. ");
      if (c.gender().equals("male")) {
        assertThat(c.lastName())
            .doesNotEndWith("ова")
            .doesNotEndWith("ева")
            .doesNotEndWith("ина")
            .doesNotEndWith("ая");
        if (c.patronymic() != null) {
          assertThat(c.patronymic()).endsWith("ич");
        }
      } else {
        assertThat(c.lastName())
            .doesNotEndWith("ов")
            .doesNotEndWith("ев")
            .doesNotEndWith("ин")
            .doesNotEndWith("ий");
        if (c.patronymic() != null) {
          assertThat(c.patronymic()).matches(".*(вна|чна)");
        }
      }
    }
  }
}
