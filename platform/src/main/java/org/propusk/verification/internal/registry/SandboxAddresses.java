package org.propusk.verification.internal.registry;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.propusk.identifiers.FederalSubject;

/**
 * The registration address of each sandbox citizen, drawn deterministically from their SNILS
 * (so the dataset file keeps its columns and every run gives the same addresses): the region of
 * the passport's division code (with a postal index that starts as there for the big regions), the
 * place of birth as the settlement (a federal city's own name
 * when registered there), a common street, a house, sometimes a building, mostly a flat.
 */
public final class SandboxAddresses {

  private static final List<String> STREETS =
      List.of(
          "ул. Ленина", "ул. Советская", "ул. Садовая", "ул. Мира", "ул. Молодёжная", "ул. Школьная",
          "пр-кт Победы", "ул. Гагарина", "ул. Центральная", "ул. Лесная", "ул. Набережная",
          "ул. Пушкина");
  private static final List<String> FEDERAL_CITIES = List.of("77", "78", "92");
  /** The first digits of the postal indexes of some regions, so that the big ones look right. */
  private static final Map<String, String> INDEX_PREFIXES =
      Map.of("77", "12", "78", "19", "50", "14", "54", "630", "16", "420", "66", "620", "23", "350", "52", "603", "63", "443", "02", "450");

  private SandboxAddresses() {}

  /** The address the interior ministry has on record for this citizen. */
  public static SandboxAddress registrationOf(SandboxCitizen citizen) {
    Random random = new Random(Long.parseLong(citizen.snils()));
    String region =
        FederalSubject.byCode(citizen.divisionCode().substring(0, 2))
            .map(FederalSubject::code)
            .orElse("77");
    String settlement =
        FEDERAL_CITIES.contains(region)
            ? FederalSubject.byCode(region).orElseThrow().name()
            : citizen.birthPlace();
    String prefix = INDEX_PREFIXES.getOrDefault(region, String.valueOf(1 + random.nextInt(6)));
    String index = prefix + "%06d".formatted(random.nextInt(1_000_000)).substring(prefix.length());
    String street = STREETS.get(random.nextInt(STREETS.size()));
    String house = String.valueOf(1 + random.nextInt(150));
    String building = random.nextInt(100) < 20 ? String.valueOf(1 + random.nextInt(3)) : null;
    String flat = random.nextInt(100) < 85 ? String.valueOf(1 + random.nextInt(300)) : null;
    return new SandboxAddress(index, region, null, settlement, street, house, building, flat);
  }

  /** An address as the sandbox ministry files it; null for the parts it does not have. */
  public record SandboxAddress(
      String postalIndex,
      String region,
      String district,
      String settlement,
      String street,
      String house,
      String building,
      String flat) {}
}
