package org.propusk.account.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The terms of use and the privacy policy, in the versions a consent refers to. */
@Controller
class LegalController {

  private final String termsVersion;
  private final String privacyVersion;

  LegalController(
      @Value("${propusk.legal.terms-version}") String termsVersion,
      @Value("${propusk.legal.privacy-version}") String privacyVersion) {
    this.termsVersion = termsVersion;
    this.privacyVersion = privacyVersion;
  }

  @GetMapping("/legal/terms")
  String terms(Model model) {
    model.addAttribute("document", "terms");
    model.addAttribute("version", termsVersion);
    return "legal/document";
  }

  @GetMapping("/legal/privacy")
  String privacy(Model model) {
    model.addAttribute("document", "privacy");
    model.addAttribute("version", privacyVersion);
    return "legal/document";
  }
}
