package org.propusk.shared;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs to know. */
@ControllerAdvice
class PageModelAdvice {

  @ModelAttribute("signedIn")
  boolean signedIn() {
    return Citizen.current().isPresent();
  }
}
