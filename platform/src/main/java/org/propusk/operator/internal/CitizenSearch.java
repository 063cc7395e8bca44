package org.propusk.operator.internal;

import java.util.ArrayList;
import java.util.List;
import org.propusk.identifiers.MobilePhone;
import org.propusk.identifiers.Parsed;
import org.propusk.identifiers.PassportNumber;
import org.propusk.identifiers.Snils;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;

/**
 * The operator's search form as typed: {@code by} is {@code snils}, {@code passport} or {@code
 * phone}, and only that kind's fields count.
 */
record CitizenSearch(String by, String snils, String passportSeries, String passportNumber, String phone) {

  /** The search after the identifier rules. */
  sealed interface Valid {
    String kind();

    record BySnils(Snils snils) implements Valid {
      public String kind() {
        return "snils";
      }
    }

    record ByPassport(PassportNumber passport) implements Valid {
      public String kind() {
        return "passport";
      }
    }

    record ByPhone(MobilePhone phone) implements Valid {
      public String kind() {
        return "phone";
      }
    }
  }

  /** @throws InvalidInput next to the fields of the chosen kind */
  Valid validate() {
    String kind = by == null ? "" : by;
    return switch (kind) {
      case "snils" -> new Valid.BySnils(valid("snils", Snils.parse(snils)));
      case "passport" -> {
        Parsed<PassportNumber> parsed = PassportNumber.parse(passportSeries, passportNumber);
        if (parsed.violation().isPresent()) {
          String code = parsed.violation().get();
          List<Violation> violations = new ArrayList<>();
          // the identifiers module names the part that is wrong; empty fields are named each
          if (passportSeries == null || passportSeries.isBlank()) {
            violations.add(new Violation("passportSeries", "required"));
          }
          if (passportNumber == null || passportNumber.isBlank()) {
            violations.add(new Violation("passportNumber", "required"));
          }
          if (violations.isEmpty()) {
            violations.add(new Violation(code.contains("series") ? "passportSeries" : "passportNumber", code));
          }
          throw new InvalidInput(violations);
        }
        yield new Valid.ByPassport(parsed.value());
      }
      case "phone" -> new Valid.ByPhone(valid("phone", MobilePhone.parse(phone)));
      default -> throw new InvalidInput("by", "required");
    };
  }

  private static <T> T valid(String field, Parsed<T> parsed) {
    parsed.violation().ifPresent(code -> {
      throw new InvalidInput(field, code);
    });
    return parsed.value();
  }

  @Override
  public String toString() {
    return "CitizenSearch[by=" + by + "]"; // the numbers never reach a log
  }
}
