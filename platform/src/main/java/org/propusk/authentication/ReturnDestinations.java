package org.propusk.authentication;

import java.net.URI;
import java.util.Optional;

/**
 * Where a return address of the sign-in pages sends the citizen on beyond this site. Browsers apply
 * a page's {@code form-action} to every redirect that follows its form's submission, so a sign-in
 * form whose return address (the OpenID Connect provider's authorization endpoint) redirects to a
 * service's own origin must name that origin. Another module that owns such return addresses
 * implements this; the sign-in pages ask every implementation.
 */
public interface ReturnDestinations {

  /**
   * The address that {@code returnAddress} (a path of this site) redirects to elsewhere, only when
   * it is checked against what is registered (never taken unchecked from the address); else empty.
   */
  Optional<URI> beyondThisSite(String returnAddress);
}
