package org.propusk.federation.internal.authorization;

import java.net.URI;
import java.util.Optional;
import org.propusk.authentication.ReturnDestinations;
import org.springframework.stereotype.Component;

/**
 * The sign-in pages' return address {@code /oauth2/authorize?…} ends at the service's redirect
 * URI: with a code, or with an error such as {@code access_denied}. It is the one the request names
 * when the client registered it exactly (or the client's only one, or the pushed request's), read
 * as the authorization endpoint will answer it; an address it would refuse sends nowhere else.
 */
@Component
class ServiceReturnDestinations implements ReturnDestinations {

  private final AuthorizationRequests requests;

  ServiceReturnDestinations(AuthorizationRequests requests) {
    this.requests = requests;
  }

  @Override
  public Optional<URI> beyondThisSite(String returnAddress) {
    return requests.ofReturnAddress(returnAddress).map(authorization -> URI.create(authorization.redirectUri()));
  }
}
