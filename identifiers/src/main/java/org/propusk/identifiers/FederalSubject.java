package org.propusk.identifiers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the 89 subjects of the Russian Federation, by its two-digit region code as the tax
 * service and the traffic police number them (77 for Moscow, 50 for the Moscow region). Only the
 * listed subjects exist: there is no public constructor.
 */
public final class FederalSubject {

  private static final Map<String, FederalSubject> ALL = load();

  private final String code;
  private final String name;

  private FederalSubject(String code, String name) {
    this.code = code;
    this.name = name;
  }

  /** Two digits. */
  public String code() {
    return code;
  }

  /** The official name, in Russian. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return code + " " + name;
  }

  /** Every subject, in the order of their codes. */
  public static List<FederalSubject> all() {
    return List.copyOf(ALL.values());
  }

  public static Optional<FederalSubject> byCode(String code) {
    return Optional.ofNullable(code == null ? null : ALL.get(code));
  }

  /**
   * Parses a two-digit code ({@code 7} is read as {@code 07}). Violations: {@code required},
   * {@code unknown_region}. Never throws.
   */
  public static Parsed<FederalSubject> parse(String raw) {
    if (Text.isBlank(raw)) {
      return new Parsed.Invalid<>("required");
    }
    String code = Text.strip(raw);
    if (code.length() == 1) {
      code = "0" + code;
    }
    FederalSubject subject = Text.isAsciiDigits(code, 2) ? ALL.get(code) : null;
    return subject == null ? new Parsed.Invalid<>("unknown_region") : new Parsed.Valid<>(subject);
  }

  private static Map<String, FederalSubject> load() {
    Map<String, FederalSubject> all = new LinkedHashMap<>();
    """
    01 Республика Адыгея
    02 Республика Башкортостан
    03 Республика Бурятия
    04 Республика Алтай
    05 Республика Дагестан
    06 Республика Ингушетия
    07 Кабардино-Балкарская Республика
    08 Республика Калмыкия
    09 Карачаево-Черкесская Республика
    10 Республика Карелия
    11 Республика Коми
    12 Республика Марий Эл
    13 Республика Мордовия
    14 Республика Саха (Якутия)
    15 Республика Северная Осетия — Алания
    16 Республика Татарстан
    17 Республика Тыва
    18 Удмуртская Республика
    19 Республика Хакасия
    20 Чеченская Республика
    21 Чувашская Республика
    22 Алтайский край
    23 Краснодарский край
    24 Красноярский край
    25 Приморский край
    26 Ставропольский край
    27 Хабаровский край
    28 Амурская область
    29 Архангельская область
    30 Астраханская область
    31 Белгородская область
    32 Брянская область
    33 Владимирская область
    34 Волгоградская область
    35 Вологодская область
    36 Воронежская область
    37 Ивановская область
    38 Иркутская область
    39 Калининградская область
    40 Калужская область
    41 Камчатский край
    42 Кемеровская область — Кузбасс
    43 Кировская область
    44 Костромская область
    45 Курганская область
    46 Курская область
    47 Ленинградская область
    48 Липецкая область
    49 Магаданская область
    50 Московская область
    51 Мурманская область
    52 Нижегородская область
    53 Новгородская область
    54 Новосибирская область
    55 Омская область
    56 Оренбургская область
    57 Орловская область
    58 Пензенская область
    59 Пермский край
    60 Псковская область
    61 Ростовская область
    62 Рязанская область
    63 Самарская область
    64 Саратовская область
    65 Сахалинская область
    66 Свердловская область
    67 Смоленская область
    68 Тамбовская область
    69 Тверская область
    70 Томская область
    71 Тульская область
    72 Тюменская область
    73 Ульяновская область
    74 Челябинская область
    75 Забайкальский край
    76 Ярославская область
    77 г. Москва
    78 г. Санкт-Петербург
    79 Еврейская автономная область
    83 Ненецкий автономный округ
    86 Ханты-Мансийский автономный округ — Югра
    87 Чукотский автономный округ
    89 Ямало-Ненецкий автономный округ
    90 Запорожская область
    91 Республика Крым
    92 г. Севастополь
    93 Донецкая Народная Республика
    94 Луганская Народная Республика
    95 Херсонская область
    """
        .lines()
        .forEach(line -> all.put(line.substring(0, 2), new FederalSubject(line.substring(0, 2), line.substring(3))));
    return Collections.unmodifiableMap(all);
  }
}
