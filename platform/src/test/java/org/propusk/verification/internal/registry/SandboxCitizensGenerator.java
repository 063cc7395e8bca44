package org.propusk.verification.internal.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.propusk.identifiers.Snils;

/**
 * Writes the sandbox dataset {@code platform/src/main/resources/sandbox/citizens.csv}: a few
 * memorable demo citizens (documented in the README) followed by generated fictional ones.
 *
 * <p>Deterministic: a fixed seed and {@link Random}, whose sequence Java specifies, so the same
 * source always gives the same file and {@code SandboxCitizensDatasetTests} can verify that the
 * committed file has not drifted. Run it through that test with {@code
 * -Dpropusk.sandbox.regenerate=true} (see the README), or call {@link #main} from an IDE.
 */
public final class SandboxCitizensGenerator {

  public static final long SEED = 20260101L;
  public static final int SIZE = 10_000;

  /** Ages are counted at this date, and no passport is issued after {@link #LAST_ISSUE}. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

  public static final LocalDate LAST_ISSUE = LocalDate.of(2025, 12, 31);

  /** Passports of the Russian Federation replaced Soviet ones from October 1997 to mid-2004. */
  private static final LocalDate FIRST_RUSSIAN_PASSPORT = LocalDate.of(1997, 10, 1);

  private static final LocalDate EXCHANGE_END = LocalDate.of(2004, 6, 30);

  /** The interior ministry took the passport service over from the FMS in 2016. */
  private static final LocalDate MINISTRY_ISSUES_FROM = LocalDate.of(2016, 7, 1);

  /** Valid numbers kept out of the dataset, so that the README can show a "not found". */
  public static final String NOT_FOUND_SNILS = Snils.withChecksum("987654321").digits();

  public static final String NOT_FOUND_PASSPORT_SERIES = "4599";
  public static final String NOT_FOUND_PASSPORT_NUMBER = "999999";

  private SandboxCitizensGenerator() {}

  /** Writes the dataset to {@code args[0]}, or to {@link #defaultOutput()}. */
  public static void main(String[] args) throws IOException {
    Path output = args.length > 0 ? Path.of(args[0]) : defaultOutput();
    List<SandboxCitizen> citizens = generate();
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, csv(citizens), StandardCharsets.UTF_8);
    System.out.println("Wrote " + citizens.size() + " sandbox citizens to " + output);
  }

  /** The committed file, from the repository root or from the platform module. */
  public static Path defaultOutput() {
    Path inModule = Path.of("src", "main", "resources", "sandbox", "citizens.csv");
    return Files.isDirectory(Path.of("platform", "src"))
        ? Path.of("platform").resolve(inModule)
        : inModule;
  }

  /** The file's content: the header, then one line per citizen, each ending in a line feed. */
  public static String csv(List<SandboxCitizen> citizens) {
    StringBuilder out = new StringBuilder(citizens.size() * 160);
    out.append(SandboxCitizen.CSV_HEADER).append('\n');
    for (SandboxCitizen citizen : citizens) {
      out.append(citizen.toCsv()).append('\n');
    }
    return out.toString();
  }

  /** The demo citizens, then generated ones up to {@link #SIZE}. */
  public static List<SandboxCitizen> generate() {
    List<SandboxCitizen> citizens = new ArrayList<>(demoCitizens());
    Set<String> snils = new HashSet<>();
    Set<String> passports = new HashSet<>();
    snils.add(NOT_FOUND_SNILS);
    passports.add(NOT_FOUND_PASSPORT_SERIES + NOT_FOUND_PASSPORT_NUMBER);
    for (SandboxCitizen demo : citizens) {
      snils.add(demo.snils());
      passports.add(demo.passportKey());
    }
    Random random = new Random(SEED);
    while (citizens.size() < SIZE) {
      citizens.add(citizen(random, snils, passports));
    }
    return citizens;
  }

  /**
   * Memorable citizens for the README, written as they appear in the file. Their SNILS are valid
   * (112-233-445 95, 123-456-789 64, 234-567-890 99, 345-678-901 23); Сидоров's "Пётр" shows that
   * "ё" and "е" compare equal, and Ахмедова has no patronymic.
   */
  public static List<SandboxCitizen> demoCitizens() {
    return """
    Иванов,Иван,Иванович,male,1985-04-12,г. Москва,11223344595,4510,123456,2010-05-20,\
    УФМС России по г. Москве,770-001
    Петрова,Анна,Сергеевна,female,1992-09-03,г. Санкт-Петербург,12345678964,4012,654321,\
    2012-09-20,УФМС России по г. Санкт-Петербургу и Ленинградской области,780-022
    Сидоров,Пётр,Алексеевич,male,1970-01-25,г. Новосибирск,23456789099,5015,246810,2015-02-10,\
    УФМС России по Новосибирской области,540-005
    Ахмедова,Зарина,,female,2000-06-30,г. Казань,34567890123,9220,135790,2020-07-15,\
    МВД по Республике Татарстан,160-010
    """
        .lines()
        .map(SandboxCitizen::fromCsv)
        .toList();
  }

  private static SandboxCitizen citizen(
      Random random, Set<String> snilsTaken, Set<String> passportsTaken) {
    boolean male = random.nextBoolean();
    String lastName = pick(random, SURNAMES);
    String firstName = pick(random, male ? MALE_NAMES : FEMALE_NAMES);
    String fatherName = pick(random, PATRONYMICS);
    // a few people have no patronymic (it is optional on every form)
    String patronymic = random.nextInt(100) < 2 ? null : fatherName;
    if (!male) {
      lastName = femaleSurname(lastName);
      patronymic = patronymic == null ? null : femalePatronymic(patronymic);
    }

    // ages 18..90 at the reference date
    LocalDate oldest = REFERENCE_DATE.minusYears(91).plusDays(1);
    LocalDate youngest = REFERENCE_DATE.minusYears(18);
    LocalDate birthDate =
        oldest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(oldest, youngest) + 1));

    Region birthRegion = region(random);
    String birthPlace = "г. " + pick(random, birthRegion.cities());
    // most people still live where they were born
    Region passportRegion = random.nextInt(100) < 75 ? birthRegion : region(random);
    LocalDate issuedOn = issueDate(random, birthDate);

    String snils;
    do {
      snils =
          Snils.withChecksum(String.valueOf(100_000_000 + random.nextInt(900_000_000))).digits();
    } while (!snilsTaken.add(snils));
    String series = passportRegion.okato() + "%02d".formatted(issuedOn.getYear() % 100);
    String number;
    do {
      number = "%06d".formatted(1 + random.nextInt(999_999));
    } while (!passportsTaken.add(series + number));
    String divisionCode =
        passportRegion.divisionPrefix() + "-" + "%03d".formatted(1 + random.nextInt(40));

    return new SandboxCitizen(
        lastName,
        firstName,
        patronymic,
        male ? "male" : "female",
        birthDate,
        birthPlace,
        snils,
        series,
        number,
        issuedOn,
        issuer(passportRegion, issuedOn),
        divisionCode);
  }

  /**
   * The passport in use: issued within a month after the last of the 14th, 20th and 45th birthdays
   * that has passed; for people whose one came before Russian passports existed, the exchange of
   * Soviet passports (1998-2004).
   */
  private static LocalDate issueDate(Random random, LocalDate birthDate) {
    int daysAfterBirthday = 1 + random.nextInt(30);
    int exchangeDay =
        random.nextInt((int) ChronoUnit.DAYS.between(LocalDate.of(1998, 1, 1), EXCHANGE_END) + 1);
    for (int age : new int[] {45, 20, 14}) {
      LocalDate issued = birthDate.plusYears(age).plusDays(daysAfterBirthday);
      if (!issued.isAfter(LAST_ISSUE)) {
        return issued.isBefore(FIRST_RUSSIAN_PASSPORT)
            ? LocalDate.of(1998, 1, 1).plusDays(exchangeDay)
            : issued;
      }
    }
    throw new IllegalStateException("every citizen is at least 18");
  }

  private static String issuer(Region region, LocalDate issuedOn) {
    return (issuedOn.isBefore(MINISTRY_ISSUES_FROM) ? "УФМС России по" : region.ministry())
        + " "
        + region.area();
  }

  private static Region region(Random random) {
    int total = REGIONS.stream().mapToInt(Region::weight).sum();
    int draw = random.nextInt(total);
    for (Region region : REGIONS) {
      draw -= region.weight();
      if (draw < 0) {
        return region;
      }
    }
    throw new AssertionError();
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Иванов -> Иванова, Островский -> Островская, Толстой -> Толстая; Черных, Шевченко stay. */
  static String femaleSurname(String male) {
    if (male.endsWith("ский") || male.endsWith("цкий")) {
      return male.substring(0, male.length() - 2) + "ая";
    }
    if (male.endsWith("ой")) {
      return male.substring(0, male.length() - 2) + "ая";
    }
    if (male.endsWith("ов")
        || male.endsWith("ев")
        || male.endsWith("ёв")
        || male.endsWith("ин")
        || male.endsWith("ын")) {
      return male + "а";
    }
    return male;
  }

  /** Сергеевич -> Сергеевна, Ильич -> Ильинична, Никитич -> Никитична. */
  static String femalePatronymic(String male) {
    return switch (male) {
      case "Ильич" -> "Ильинична";
      case "Никитич" -> "Никитична";
      case "Кузьмич" -> "Кузьминична";
      default -> male.substring(0, male.length() - 2) + "на";
    };
  }

  /**
   * @param okato the first two digits of a passport series issued there
   * @param divisionPrefix the first three digits of its division codes
   * @param weight how often it is drawn
   * @param ministry the interior ministry's office there, which issues passports since 2016
   * @param area how issuers name it ("г. Москве")
   */
  record Region(
      String okato,
      String divisionPrefix,
      int weight,
      String ministry,
      String area,
      List<String> cities) {}

  /** Text blocks rather than lists of literals: a formatter would put each on its own line. */
  private static final List<Region> REGIONS =
      regions(
          """
          # okato | division code prefix | weight | issuer since 2016 | area | cities
          45 | 770 | 30 | ГУ МВД России по | г. Москве | Москва
          40 | 780 | 14 | ГУ МВД России по | г. Санкт-Петербургу и Ленинградской области | Санкт-Петербург
          46 | 500 | 14 | ГУ МВД России по | Московской области | Подольск, Химки, Балашиха, Мытищи, Коломна, Серпухов, Королёв
          41 | 470 |  4 | ГУ МВД России по | г. Санкт-Петербургу и Ленинградской области | Гатчина, Выборг, Всеволожск, Тихвин
          50 | 540 |  6 | ГУ МВД России по | Новосибирской области | Новосибирск, Бердск, Искитим
          65 | 660 |  7 | ГУ МВД России по | Свердловской области | Екатеринбург, Нижний Тагил, Каменск-Уральский, Первоуральск
          22 | 520 |  5 | ГУ МВД России по | Нижегородской области | Нижний Новгород, Дзержинск, Арзамас
          92 | 160 |  6 | МВД по | Республике Татарстан | Казань, Набережные Челны, Альметьевск, Нижнекамск
          03 | 230 |  8 | ГУ МВД России по | Краснодарскому краю | Краснодар, Сочи, Новороссийск, Армавир
          36 | 630 |  5 | ГУ МВД России по | Самарской области | Самара, Тольятти, Сызрань
          60 | 610 |  6 | ГУ МВД России по | Ростовской области | Ростов-на-Дону, Таганрог, Шахты, Новочеркасск
          80 | 020 |  5 | МВД по | Республике Башкортостан | Уфа, Стерлитамак, Салават
          75 | 740 |  5 | ГУ МВД России по | Челябинской области | Челябинск, Магнитогорск, Златоуст
          57 | 590 |  4 | ГУ МВД России по | Пермскому краю | Пермь, Березники, Соликамск
          20 | 360 |  4 | ГУ МВД России по | Воронежской области | Воронеж, Борисоглебск
          18 | 340 |  4 | ГУ МВД России по | Волгоградской области | Волгоград, Волжский, Камышин
          04 | 240 |  4 | ГУ МВД России по | Красноярскому краю | Красноярск, Норильск, Ачинск
          52 | 550 |  3 | УМВД России по | Омской области | Омск
          63 | 640 |  4 | ГУ МВД России по | Саратовской области | Саратов, Энгельс, Балаково
          71 | 720 |  3 | УМВД России по | Тюменской области | Тюмень, Тобольск
          25 | 380 |  3 | ГУ МВД России по | Иркутской области | Иркутск, Братск, Ангарск
          05 | 250 |  3 | УМВД России по | Приморскому краю | Владивосток, Уссурийск, Находка
          08 | 270 |  2 | УМВД России по | Хабаровскому краю | Хабаровск, Комсомольск-на-Амуре
          27 | 390 |  2 | УМВД России по | Калининградской области | Калининград, Советск
          78 | 760 |  2 | УМВД России по | Ярославской области | Ярославль, Рыбинск
          70 | 710 |  2 | УМВД России по | Тульской области | Тула, Новомосковск
          01 | 220 |  3 | ГУ МВД России по | Алтайскому краю | Барнаул, Бийск
          17 | 330 |  2 | УМВД России по | Владимирской области | Владимир, Ковров, Муром
          28 | 690 |  2 | УМВД России по | Тверской области | Тверь, Ржев
          33 | 430 |  2 | УМВД России по | Кировской области | Киров
          """);

  private static final List<String> SURNAMES =
      words(
          """
          Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров
          Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев
          Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев
          Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев
          Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов
          Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов
          Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников
          Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин
          Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв
          Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев
          Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев
          Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов
          Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
          Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов
          Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов
          Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков
          Сафонов Плотников Дёмин Хохлов Жданов Островский Вишневский Покровский Жуковский
          Троицкий Белецкий Толстой Донской Черных Белых Седых Долгих Шевченко Ковальчук
          Бондаренко Коваленко Кравченко Ткаченко Гарипов Хабибуллин Сафин Ахмедов Алиев
          Гасанов Мамедов Шарипов Валиев Нуриев
          """);

  private static final List<String> MALE_NAMES =
      words(
          """
          Александр Алексей Андрей Антон Артём Борис Вадим Валентин Валерий Василий Виктор
          Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис
          Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Матвей
          Михаил Никита Николай Олег Павел Пётр Роман Руслан Сергей Станислав Степан
          Тимофей Фёдор Юрий Ярослав
          """);

  private static final List<String> FEMALE_NAMES =
      words(
          """
          Александра Алёна Алина Алла Анастасия Ангелина Анна Валентина Валерия Вера
          Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена Елизавета Жанна Зоя
          Инна Ирина Карина Кристина Ксения Лариса Людмила Любовь Маргарита Марина Мария
          Надежда Наталья Нина Оксана Ольга Полина Светлана София Тамара Татьяна Ульяна
          Юлия Яна
          """);

  /** Male forms; {@link #femalePatronymic} derives the female ones. */
  private static final List<String> PATRONYMICS =
      words(
          """
          Александрович Алексеевич Анатольевич Андреевич Антонович Аркадьевич Борисович
          Вадимович Валентинович Валерьевич Васильевич Викторович Витальевич Владимирович
          Вячеславович Геннадьевич Георгиевич Григорьевич Денисович Дмитриевич Евгеньевич
          Иванович Игоревич Ильич Кириллович Константинович Кузьмич Леонидович Львович
          Максимович Михайлович Никитич Николаевич Олегович Павлович Петрович Романович
          Семёнович Сергеевич Станиславович Степанович Фёдорович Юрьевич Ярославович
          """);

  private static List<String> words(String block) {
    return List.of(block.strip().split("\\s+"));
  }

  private static List<Region> regions(String block) {
    return block
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(
            line -> {
              String[] f = line.split("\\|");
              return new Region(
                  f[0].strip(),
                  f[1].strip(),
                  Integer.parseInt(f[2].strip()),
                  f[3].strip(),
                  f[4].strip(),
                  List.of(f[5].strip().split(",\\s*")));
            })
        .toList();
  }
}
