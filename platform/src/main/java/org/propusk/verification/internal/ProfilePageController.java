package org.propusk.verification.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.propusk.shared.ChangedMeanwhile;
import org.propusk.shared.Citizen;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.ProblemPages;
import org.propusk.shared.TooManyAttempts;
import org.propusk.identifiers.AddressPart;
import org.propusk.identifiers.PostalAddress;
import org.propusk.verification.AddressForm;
import org.propusk.verification.AddressesForm;
import org.propusk.verification.AddressesView;
import org.propusk.verification.CheckState;
import org.propusk.verification.ProfileAddresses;
import org.propusk.verification.IdentityProfiles;
import org.propusk.verification.ProfileForm;
import org.propusk.verification.ProfileView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** "Мои данные": the form, each document's check next to it, refreshed while checks run. */
@Controller
class ProfilePageController {

  private final IdentityProfiles profiles;
  private final ProfileAddresses addresses;
  private final ProblemPages pages;

  ProfilePageController(IdentityProfiles profiles, ProfileAddresses addresses, ProblemPages pages) {
    this.profiles = profiles;
    this.addresses = addresses;
    this.pages = pages;
  }

  @GetMapping("/profile")
  String page(Model model) {
    ProfileView profile = profiles.profile(signedIn());
    model.addAttribute("form", formOf(profile));
    return show(profile, model);
  }

  @PostMapping("/profile")
  String save(
      @ModelAttribute("form") ProfileForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      profiles.save(signedIn(), form, request.getRemoteAddr());
      return "redirect:/profile?saved";
    } catch (InvalidInput | TooManyAttempts refused) {
      show(profiles.profile(signedIn()), model);
      return pages.show(refused, model, response, "verification/profile");
    } catch (ChangedMeanwhile stale) {
      // what is stored now, to look at before saving again
      ProfileView current = profiles.profile(signedIn());
      model.addAttribute("form", formOf(current));
      show(current, model);
      return pages.show(stale, model, response, "verification/profile");
    } catch (RecheckNotConfirmed recheck) {
      // the form as typed again, with the warning and the choice to go on
      model.addAttribute("recheck", recheck.properties().get("documents"));
      show(profiles.profile(signedIn()), model);
      return pages.show(recheck, model, response, "verification/profile");
    }
  }

  /** The addresses' own form, below the profile's; its errors are named {@code registration.house}. */
  @PostMapping("/profile/address")
  String saveAddresses(
      @ModelAttribute("addressForm") AddressesForm form, Model model, HttpServletResponse response) {
    try {
      addresses.save(signedIn(), form);
      return "redirect:/profile?addressSaved#addresses";
    } catch (InvalidInput refused) {
      ProfileView profile = profiles.profile(signedIn());
      model.addAttribute("form", formOf(profile));
      show(profile, model);
      model.addAttribute("addressForm", form); // as typed, over the stored one
      return pages.show(refused, model, response, "verification/profile");
    }
  }

  private String show(ProfileView profile, Model model) {
    AddressesView stored = addresses.addresses(signedIn());
    model.addAttribute("addresses", stored);
    model.addAttribute(
        "addressForm", new AddressesForm(formOf(stored.registration()), formOf(stored.residence())));
    model.addAttribute("profile", profile);
    model.addAttribute(
        "checking",
        profile.snilsStatus().state() == CheckState.PENDING
            || profile.passportStatus().state() == CheckState.PENDING);
    model.addAttribute("addressChecking", stored.registrationStatus().state() == CheckState.PENDING);
    return "verification/profile";
  }

  private static ProfileForm formOf(ProfileView v) {
    return new ProfileForm(
        v.lastName(), v.firstName(), v.patronymic(), v.gender(), text(v.birthDate()), v.birthPlace(),
        "XX".equals(v.citizenship()) ? "other" : "RU", v.snils(), v.passportSeries(), v.passportNumber(),
        text(v.passportIssuedOn()), v.passportIssuer(), v.divisionCode(), v.foreignDocumentType(),
        v.foreignDocumentNumber(), v.foreignDocumentCountry(), null, v.version());
  }

  /** A stored address back in the form's shape. */
  private static AddressForm formOf(PostalAddress a) {
    return a == null
        ? null
        : new AddressForm(
            a.postalIndex().value(), a.region().code(), text(a.district()), a.settlement().value(),
            text(a.street()), a.house().value(), text(a.building()), text(a.flat()));
  }

  private static String text(AddressPart part) {
    return part == null ? null : part.value();
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static UUID signedIn() {
    return Citizen.current().orElseThrow().accountId();
  }
}
