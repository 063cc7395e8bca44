package org.propusk.authentication.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.propusk.authentication.ReturnDestinations;
import org.propusk.shared.ContentSecurityPolicy;
import org.springframework.stereotype.Component;

/**
 * Pages whose forms return the citizen to an address that redirects to another site (a service
 * signing in with Propusk) name that site's origin in their {@code form-action}: only origins of
 * addresses that another module checked against its registrations, one per page.
 */
@Component
class FormActionPolicy {

  private final List<ReturnDestinations> destinations;

  FormActionPolicy(List<ReturnDestinations> destinations) {
    this.destinations = destinations;
  }

  /**
   * Sets this response's policy for a page whose forms end at {@code returnAddress}: the default,
   * or with the origin of the site that address sends the citizen on to.
   */
  void forFormsReturningTo(String returnAddress, HttpServletResponse response) {
    if (returnAddress == null) {
      return;
    }
    destinations.stream()
        .map(destination -> destination.beyondThisSite(returnAddress))
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(destination -> ContentSecurityPolicy.allowFormsTo(destination, response));
  }
}
