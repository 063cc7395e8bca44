package org.propusk.operator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;

/** The operator's search form: only the chosen kind's fields count, each under the identifier rules. */
class CitizenSearchTests {

  @Test
  void findsBySnilsInAnyCommonFormat() {
    var valid = new CitizenSearch("snils", "112-233-445 95", "garbage", null, "garbage").validate();
    assertThat(valid).isEqualTo(new CitizenSearch.Valid.BySnils(org.propusk.identifiers.Snils.parse("11223344595").value()));
    assertThat(valid.kind()).isEqualTo("snils");
  }

  @Test
  void findsByPassportAndByPhone() {
    assertThat(new CitizenSearch("passport", null, "45 08", "123456", null).validate().kind()).isEqualTo("passport");
    assertThat(new CitizenSearch("phone", null, null, null, "8 (912) 345-67-89").validate().kind()).isEqualTo("phone");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "snils, 112-233-445 96, null, null, null, snils, invalid_checksum",
        "snils, null, null, null, null, snils, required",
        "passport, null, null, null, null, passportSeries, required",
        "passport, null, 4508, null, null, passportNumber, required",
        "passport, null, 45x, 123456, null, passportSeries, invalid_series",
        "passport, null, 4508, 12345, null, passportNumber, invalid_number",
        "phone, null, null, null, +7 495 123-45-67, phone, not_mobile",
        "phone, null, null, null, null, phone, required",
        "null, 11223344595, null, null, null, by, required",
        "everything, 11223344595, null, null, null, by, required"
      })
  void refusesBadInputNextToItsField(
      String by, String snils, String series, String number, String phone, String field, String code) {
    assertThatThrownBy(() -> new CitizenSearch(by, snils, series, number, phone).validate())
        .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations()).contains(new Violation(field, code)));
  }

  @Test
  void neverPrintsTheNumbers() {
    assertThat(new CitizenSearch("snils", "112-233-445 95", "4508", "123456", "+79123456789").toString())
        .isEqualTo("CitizenSearch[by=snils]");
  }
}
