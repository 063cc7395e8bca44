package org.propusk.verification.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The sandbox answers from the bundled dataset, using the README's demo citizens. */
class SandboxRegistryTests {

  static final LocalDate IVANOV_BORN = LocalDate.of(1985, 4, 12);
  static final SnilsQuery IVANOV_SNILS =
      new SnilsQuery("11223344595", "Иванов", "Иван", "Иванович", IVANOV_BORN);
  static final PassportQuery IVANOV_PASSPORT =
      new PassportQuery(
          "4510",
          "123456",
          LocalDate.of(2010, 5, 20),
          "770-001",
          "Иванов",
          "Иван",
          "Иванович",
          IVANOV_BORN);

  static SandboxRegistry registry;

  @BeforeAll
  static void loadTheBundledDataset() {
    registry = reliable(SandboxRegistry.bundledDataset());
  }

  static SandboxRegistry reliable(List<SandboxCitizen> citizens) {
    return new SandboxRegistry(citizens, Duration.ZERO, 0.0, new Random(1));
  }

  @Nested
  class PensionFund {

    @Test
    void verifiesASnilsWhoseHolderHasTheGivenNameAndBirthDate() {
      assertThat(registry.checkSnils(IVANOV_SNILS)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void acceptsTheNumberWithSeparatorsAsPrintedOnTheCertificate() {
      assertThat(registry.checkSnils(withSnils("112-233-445 95")))
          .isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void reportsAMismatchWhenTheBirthDateDiffers() {
      SnilsQuery wrongBirthDate =
          new SnilsQuery("11223344595", "Иванов", "Иван", "Иванович", IVANOV_BORN.plusDays(1));
      assertThat(registry.checkSnils(wrongBirthDate)).isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void reportsAMismatchWhenThePatronymicDiffersOrIsMissing() {
      assertThat(
              registry.checkSnils(
                  new SnilsQuery("11223344595", "Иванов", "Иван", "Петрович", IVANOV_BORN)))
          .isEqualTo(RegistryAnswer.MISMATCH);
      assertThat(
              registry.checkSnils(
                  new SnilsQuery("11223344595", "Иванов", "Иван", null, IVANOV_BORN)))
          .isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void reportsAMismatchWhenTheNumberBelongsToSomeoneElse() {
      SnilsQuery petrovaWithIvanovsNumber =
          new SnilsQuery("11223344595", "Петрова", "Анна", "Сергеевна", LocalDate.of(1992, 9, 3));
      assertThat(registry.checkSnils(petrovaWithIvanovsNumber)).isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void findsNoValidNumberThatIsNotInTheDataset() {
      assertThat(registry.checkSnils(withSnils(SandboxCitizensGenerator.NOT_FOUND_SNILS)))
          .isEqualTo(RegistryAnswer.NOT_FOUND);
      assertThat(registry.checkSnils(withSnils("98765432183"))).isEqualTo(RegistryAnswer.NOT_FOUND);
    }

    @Test
    void findsNoNumberWithAWrongControlSum() {
      assertThat(registry.checkSnils(withSnils("11223344596"))).isEqualTo(RegistryAnswer.NOT_FOUND);
    }

    @Test
    void ignoresCaseSurplusSpacesAndYoAgainstYe() {
      SnilsQuery sidorov =
          new SnilsQuery(
              "23456789099", " СИДОРОВ ", "петр", "алексеевич", LocalDate.of(1970, 1, 25));
      assertThat(registry.checkSnils(sidorov)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void treatsAMissingPatronymicAsAnEmptyOne() {
      SnilsQuery akhmedova =
          new SnilsQuery("34567890123", "Ахмедова", "Зарина", null, LocalDate.of(2000, 6, 30));
      assertThat(registry.checkSnils(akhmedova)).isEqualTo(RegistryAnswer.VERIFIED);
      SnilsQuery withEmpty =
          new SnilsQuery("34567890123", "Ахмедова", "Зарина", " ", LocalDate.of(2000, 6, 30));
      assertThat(registry.checkSnils(withEmpty)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void verifiesEveryCitizenOfTheDatasetWithTheirOwnData() {
      for (SandboxCitizen c : SandboxRegistry.bundledDataset()) {
        SnilsQuery own =
            new SnilsQuery(c.snils(), c.lastName(), c.firstName(), c.patronymic(), c.birthDate());
        assertThat(registry.checkSnils(own)).isEqualTo(RegistryAnswer.VERIFIED);
      }
    }

    SnilsQuery withSnils(String snils) {
      return new SnilsQuery(snils, "Иванов", "Иван", "Иванович", IVANOV_BORN);
    }
  }

  @Nested
  class InteriorMinistry {

    @Test
    void verifiesAPassportWhoseDetailsAndHolderMatch() {
      assertThat(registry.checkPassport(IVANOV_PASSPORT)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void acceptsTheSeriesWrittenAsTwoPairsAndTheDivisionCodeWithoutHyphen() {
      PassportQuery spaced =
          new PassportQuery(
              "45 10",
              "123456",
              LocalDate.of(2010, 5, 20),
              "770001",
              "Иванов",
              "Иван",
              "Иванович",
              IVANOV_BORN);
      assertThat(registry.checkPassport(spaced)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void reportsAMismatchWhenTheHoldersBirthDateDiffers() {
      assertThat(
              registry.checkPassport(
                  ivanovPassport(
                      IVANOV_BORN.minusYears(1), "Иванович", LocalDate.of(2010, 5, 20), "770-001")))
          .isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void reportsAMismatchWhenThePatronymicDiffers() {
      assertThat(
              registry.checkPassport(
                  ivanovPassport(IVANOV_BORN, "Сергеевич", LocalDate.of(2010, 5, 20), "770-001")))
          .isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void reportsAMismatchWhenTheDateOfIssueOrDivisionCodeDiffers() {
      assertThat(
              registry.checkPassport(
                  ivanovPassport(IVANOV_BORN, "Иванович", LocalDate.of(2010, 5, 21), "770-001")))
          .isEqualTo(RegistryAnswer.MISMATCH);
      assertThat(
              registry.checkPassport(
                  ivanovPassport(IVANOV_BORN, "Иванович", LocalDate.of(2010, 5, 20), "770-002")))
          .isEqualTo(RegistryAnswer.MISMATCH);
      assertThat(
              registry.checkPassport(
                  ivanovPassport(IVANOV_BORN, "Иванович", LocalDate.of(2010, 5, 20), null)))
          .isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void findsNoPassportThatIsNotInTheDataset() {
      PassportQuery unknown =
          new PassportQuery(
              SandboxCitizensGenerator.NOT_FOUND_PASSPORT_SERIES,
              SandboxCitizensGenerator.NOT_FOUND_PASSPORT_NUMBER,
              LocalDate.of(2010, 5, 20),
              "770-001",
              "Иванов",
              "Иван",
              "Иванович",
              IVANOV_BORN);
      assertThat(registry.checkPassport(unknown)).isEqualTo(RegistryAnswer.NOT_FOUND);
    }

    @Test
    void ignoresCaseAndYoAgainstYeInTheHoldersName() {
      PassportQuery sidorov =
          new PassportQuery(
              "5015",
              "246810",
              LocalDate.of(2015, 2, 10),
              "540-005",
              "сидоров",
              "ПЕТР",
              "Алексеевич",
              LocalDate.of(1970, 1, 25));
      assertThat(registry.checkPassport(sidorov)).isEqualTo(RegistryAnswer.VERIFIED);
      PassportQuery withYo =
          new PassportQuery(
              "5015",
              "246810",
              LocalDate.of(2015, 2, 10),
              "540-005",
              "Сидоров",
              "Пётр",
              "Алексеевич",
              LocalDate.of(1970, 1, 25));
      assertThat(registry.checkPassport(withYo)).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void verifiesEveryCitizenOfTheDatasetWithTheirOwnPassport() {
      for (SandboxCitizen c : SandboxRegistry.bundledDataset()) {
        PassportQuery own =
            new PassportQuery(
                c.passportSeries(),
                c.passportNumber(),
                c.passportIssuedOn(),
                c.divisionCode(),
                c.lastName(),
                c.firstName(),
                c.patronymic(),
                c.birthDate());
        assertThat(registry.checkPassport(own)).isEqualTo(RegistryAnswer.VERIFIED);
      }
    }

    PassportQuery ivanovPassport(
        LocalDate born, String patronymic, LocalDate issuedOn, String divisionCode) {
      return new PassportQuery(
          "4510", "123456", issuedOn, divisionCode, "Иванов", "Иван", patronymic, born);
    }
  }

  @Nested
  class RegistrationRecords {

    static RegistrationQuery ivanovAt(SandboxAddresses.SandboxAddress a) {
      return new RegistrationQuery(
          "4510", "123456", "Иванов", "Иван", "Иванович", IVANOV_BORN, a.postalIndex(), a.region(),
          a.district(), a.settlement(), a.street(), a.house(), a.building(), a.flat());
    }

    static SandboxAddresses.SandboxAddress ivanovsAddress() {
      return SandboxAddresses.registrationOf(SandboxRegistry.bundledDataset().getFirst());
    }

    @Test
    void verifiesThePersonAtTheAddressOnRecord() {
      assertThat(registry.checkRegistration(ivanovAt(ivanovsAddress()))).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void comparesPartsLikeNames() {
      var a = ivanovsAddress();
      var typed =
          new SandboxAddresses.SandboxAddress(
              a.postalIndex(), a.region(), "Тверской район", a.settlement().toUpperCase(),
              " " + a.street() + " ", a.house(), a.building(), a.flat());
      assertThat(registry.checkRegistration(ivanovAt(typed))).isEqualTo(RegistryAnswer.VERIFIED);
    }

    @Test
    void reportsAMismatchForAnotherHouseFlatOrIndex() {
      var a = ivanovsAddress();
      var otherHouse = new SandboxAddresses.SandboxAddress(
          a.postalIndex(), a.region(), null, a.settlement(), a.street(), a.house() + "А", a.building(), a.flat());
      var otherFlat = new SandboxAddresses.SandboxAddress(
          a.postalIndex(), a.region(), null, a.settlement(), a.street(), a.house(), a.building(), "999");
      var otherIndex = new SandboxAddresses.SandboxAddress(
          "199999", a.region(), null, a.settlement(), a.street(), a.house(), a.building(), a.flat());
      assertThat(registry.checkRegistration(ivanovAt(otherHouse))).isEqualTo(RegistryAnswer.MISMATCH);
      assertThat(registry.checkRegistration(ivanovAt(otherFlat))).isEqualTo(RegistryAnswer.MISMATCH);
      assertThat(registry.checkRegistration(ivanovAt(otherIndex))).isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void reportsAMismatchForSomeoneElseAtTheAddress() {
      var a = ivanovsAddress();
      var petrov = new RegistrationQuery(
          "4510", "123456", "Петров", "Иван", "Иванович", IVANOV_BORN, a.postalIndex(), a.region(),
          null, a.settlement(), a.street(), a.house(), a.building(), a.flat());
      assertThat(registry.checkRegistration(petrov)).isEqualTo(RegistryAnswer.MISMATCH);
    }

    @Test
    void findsNoPersonWithAPassportOutsideTheDataset() {
      var a = ivanovsAddress();
      var unknown = new RegistrationQuery(
          SandboxCitizensGenerator.NOT_FOUND_PASSPORT_SERIES, SandboxCitizensGenerator.NOT_FOUND_PASSPORT_NUMBER,
          "Иванов", "Иван", "Иванович", IVANOV_BORN, a.postalIndex(), a.region(), null, a.settlement(),
          a.street(), a.house(), a.building(), a.flat());
      assertThat(registry.checkRegistration(unknown)).isEqualTo(RegistryAnswer.NOT_FOUND);
    }

    @Test
    void everySandboxCitizenHasADeterministicAddressThatPassesTheFormRules() {
      for (SandboxCitizen citizen : SandboxRegistry.bundledDataset()) {
        var a = SandboxAddresses.registrationOf(citizen);
        assertThat(SandboxAddresses.registrationOf(citizen)).isEqualTo(a);
        assertThat(org.propusk.identifiers.PostalIndex.parse(a.postalIndex()).isValid()).as(a.postalIndex()).isTrue();
        assertThat(org.propusk.identifiers.FederalSubject.parse(a.region()).isValid()).as(a.region()).isTrue();
        var place = org.propusk.identifiers.AddressPart.Kind.PLACE;
        var number = org.propusk.identifiers.AddressPart.Kind.NUMBER;
        assertThat(org.propusk.identifiers.AddressPart.parse(a.settlement(), place).isValid()).as(a.settlement()).isTrue();
        assertThat(org.propusk.identifiers.AddressPart.parse(a.street(), place).isValid()).isTrue();
        assertThat(org.propusk.identifiers.AddressPart.parse(a.house(), number).isValid()).isTrue();
      }
    }
  }

  @Nested
  class Knobs {

    final List<SandboxCitizen> demo = SandboxCitizensGenerator.demoCitizens();

    @Test
    void atAnOutageRateOfOneEveryCheckFailsAsUnavailable() {
      SandboxRegistry down = new SandboxRegistry(demo, Duration.ZERO, 1.0, new Random(7));
      for (int i = 0; i < 100; i++) {
        assertThatThrownBy(() -> down.checkSnils(IVANOV_SNILS))
            .isInstanceOf(RegistryUnavailable.class);
        assertThatThrownBy(() -> down.checkPassport(IVANOV_PASSPORT))
            .isInstanceOf(RegistryUnavailable.class);
      }
    }

    @Test
    void atAnOutageRateOfZeroNoCheckFails() {
      SandboxRegistry up = new SandboxRegistry(demo, Duration.ZERO, 0.0, new Random(7));
      for (int i = 0; i < 100; i++) {
        assertThat(up.checkSnils(IVANOV_SNILS)).isEqualTo(RegistryAnswer.VERIFIED);
        assertThat(up.checkPassport(IVANOV_PASSPORT)).isEqualTo(RegistryAnswer.VERIFIED);
      }
    }

    @Test
    void failsTheChecksWhoseRandomDrawFallsBelowTheOutageRate() {
      SandboxRegistry flaky =
          new SandboxRegistry(demo, Duration.ZERO, 0.3, draws(0.29, 0.3, 0.99, 0.0));
      assertThatThrownBy(() -> flaky.checkSnils(IVANOV_SNILS))
          .isInstanceOf(RegistryUnavailable.class);
      assertThat(flaky.checkSnils(IVANOV_SNILS)).isEqualTo(RegistryAnswer.VERIFIED);
      assertThat(flaky.checkPassport(IVANOV_PASSPORT)).isEqualTo(RegistryAnswer.VERIFIED);
      assertThatThrownBy(() -> flaky.checkPassport(IVANOV_PASSPORT))
          .isInstanceOf(RegistryUnavailable.class);
    }

    @Test
    void theOutageMessageCarriesNoPersonalData() {
      SandboxRegistry down = new SandboxRegistry(demo, Duration.ZERO, 1.0, new Random(7));
      assertThatThrownBy(() -> down.checkSnils(IVANOV_SNILS))
          .message()
          .doesNotContain("11223344595")
          .doesNotContain("Иванов");
    }

    @Test
    void waitsTheConfiguredLatencyBeforeAnswering() {
      SandboxRegistry slow = new SandboxRegistry(demo, Duration.ofMillis(100), 0.0, new Random(7));
      long started = System.nanoTime();
      assertThat(slow.checkSnils(IVANOV_SNILS)).isEqualTo(RegistryAnswer.VERIFIED);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refusesAnOutageRateOutsideZeroToOne() {
      assertThatThrownBy(() -> new SandboxRegistry(demo, Duration.ZERO, 1.5, new Random()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SandboxRegistry(demo, Duration.ZERO, -0.1, new Random()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesADatasetInWhichTwoCitizensShareASnils() {
      SandboxCitizen ivanov = demo.getFirst();
      SandboxCitizen twin =
          new SandboxCitizen(
              "Иванов",
              "Пётр",
              null,
              "male",
              ivanov.birthDate(),
              "г. Москва",
              ivanov.snils(),
              "4511",
              "000001",
              LocalDate.of(2011, 1, 1),
              "УФМС России по г. Москве",
              "770-001");
      assertThatThrownBy(() -> reliable(List.of(ivanov, twin)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    /** A random source that returns the given doubles in order. */
    static RandomGenerator draws(double... values) {
      Deque<Double> queue = new ArrayDeque<>();
      for (double value : values) {
        queue.add(value);
      }
      return new RandomGenerator() {
        @Override
        public long nextLong() {
          throw new UnsupportedOperationException();
        }

        @Override
        public synchronized double nextDouble() {
          return queue.removeFirst();
        }
      };
    }
  }
}
