package org.propusk.verification.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.propusk.verification.DocumentStatus;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileForm;
import org.propusk.verification.ProfileView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen's "Мои данные" and the state of each document's check. */
@RestController
@RequestMapping("/api/v1/profile")
class ProfileApiController {

  private final IdentityProfiles profiles;

  ProfileApiController(IdentityProfiles profiles) {
    this.profiles = profiles;
  }

  record Check(String state, String reason) {
    static Check of(DocumentStatus status) {
      return new Check(status.state().apiName(), status.reason() == null ? null : status.reason().apiName());
    }
  }

  record Checks(Check snils, Check passport) {}

  record Profile(
      String lastName,
      String firstName,
      String patronymic,
      String gender,
      LocalDate birthDate,
      String birthPlace,
      String citizenship,
      String snils,
      String passportSeries,
      String passportNumber,
      LocalDate passportIssuedOn,
      String passportIssuer,
      String divisionCode,
      String foreignDocumentType,
      String foreignDocumentNumber,
      String foreignDocumentCountry,
      Checks checks,
      long version) {

    static Profile of(ProfileView v) {
      return new Profile(
          v.lastName(), v.firstName(), v.patronymic(), v.gender(), v.birthDate(), v.birthPlace(),
          "XX".equals(v.citizenship()) ? "other" : "RU", v.snils(), v.passportSeries(), v.passportNumber(),
          v.passportIssuedOn(), v.passportIssuer(), v.divisionCode(), v.foreignDocumentType(),
          v.foreignDocumentNumber(), v.foreignDocumentCountry(),
          new Checks(Check.of(v.snilsStatus()), Check.of(v.passportStatus())),
          v.version());
    }
  }

  @GetMapping
  Profile show() {
    return Profile.of(profiles.profile(signedIn()));
  }

  @PutMapping
  Profile save(@RequestBody ProfileForm form, HttpServletRequest request) {
    return Profile.of(profiles.save(signedIn(), form, request.getRemoteAddr()));
  }

  private static UUID signedIn() {
    return Citizen.current().orElseThrow().accountId();
  }
}
