package org.propusk.federation.internal.authorization;

import java.util.Optional;
import org.propusk.account.AccountLevel;
import org.propusk.account.Accounts;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.server.IssuerParameter;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page a citizen sees when a service asks for a higher account level than theirs: which
 * level, the step that raises it, and two ways on: back to the service, which then hears
 * {@code access_denied} (with {@code state} and {@code iss}), or, once the level is raised, on with
 * the same request. Everything shown comes from the request as it will be answered, read again
 * from the return address, never from the page's own parameters.
 */
@Controller
class LevelRequiredController {

  /** {@code error_description} of "back to the service": the level, not the citizen, said no. */
  static final String ACCOUNT_LEVEL = "account_level";

  private final AuthorizationRequests requests;
  private final Accounts accounts;
  private final IssuerParameter issuer;

  LevelRequiredController(AuthorizationRequests requests, Accounts accounts, IssuerParameter issuer) {
    this.requests = requests;
    this.accounts = accounts;
    this.issuer = issuer;
  }

  @GetMapping(AuthenticationRequirementsFilter.LEVEL_PAGE)
  String page(@RequestParam(name = "return", required = false) String returnAddress, Model model) {
    Optional<Citizen> citizen = Citizen.current();
    RequestedAuthorization authorization =
        requests.ofReturnAddress(returnAddress).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    if (citizen.isEmpty()) {
      // signed out meanwhile: the authorization request starts over with the sign-in
      return "redirect:" + authorization.returnAddress();
    }
    AccountLevel current =
        accounts.find(citizen.get().accountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE)).level().level();
    AccountLevel needed =
        RequestedLevel.needed(authorization.parameter("acr_values"), ClientRegistry.minimumLevel(authorization.client()));
    model.addAttribute("service", authorization.client().getClientName());
    model.addAttribute("needed", needed);
    model.addAttribute("current", current);
    model.addAttribute("enough", current.compareTo(needed) >= 0);
    model.addAttribute("standardStep", current == AccountLevel.SIMPLIFIED);
    model.addAttribute("confirmedStep", needed == AccountLevel.CONFIRMED && current != AccountLevel.CONFIRMED);
    model.addAttribute("returnTo", authorization.returnAddress());
    model.addAttribute(
        "back",
        issuer.errorAddress(
            authorization.redirectUri(),
            authorization.state(),
            new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, ACCOUNT_LEVEL, null)));
    return "federation/level-required";
  }
}
