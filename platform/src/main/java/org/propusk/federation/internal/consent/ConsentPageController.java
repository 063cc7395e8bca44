package org.propusk.federation.internal.consent;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.propusk.federation.internal.authorization.AuthorizationStore;
import org.propusk.federation.internal.claims.CitizenData;
import org.propusk.federation.internal.claims.ReleasedClaims;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.shared.Citizen;
import org.propusk.shared.ContentSecurityPolicy;
import org.propusk.shared.SessionEnded;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /oauth2/consent}: where the authorization endpoint sends the citizen before a portal gets
 * data. The page is built from the authorization waiting under {@code state} (not from the query,
 * which anyone can write): the portal, its agency, and per requested scope the exact claims with
 * the citizen's present values and how far each is verified. "Allow" and "deny" post back to the
 * authorization endpoint ({@link ConsentLedger} takes the answer).
 */
@Controller
class ConsentPageController {

  private final AuthorizationStore authorizations;
  private final ClientRegistry clients;
  private final ReleasedClaims released;

  ConsentPageController(AuthorizationStore authorizations, ClientRegistry clients, ReleasedClaims released) {
    this.authorizations = authorizations;
    this.clients = clients;
    this.released = released;
  }

  @GetMapping("/oauth2/consent")
  String page(
      @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
      @RequestParam(OAuth2ParameterNames.STATE) String state,
      Model model,
      HttpServletResponse response)
      throws IOException {
    Citizen citizen = Citizen.current().orElseThrow();
    OAuth2Authorization waiting = authorizations.findByToken(state, new OAuth2TokenType(OAuth2ParameterNames.STATE));
    RegisteredClient client = clients.findByClientId(clientId);
    if (waiting == null
        || client == null
        || !client.getId().equals(waiting.getRegisteredClientId())
        || !citizen.getName().equals(waiting.getPrincipalName())) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return null;
    }
    OAuth2AuthorizationRequest request = waiting.getAttribute(OAuth2AuthorizationRequest.class.getName());
    CitizenData data = released.read(citizen.accountId()).orElseThrow(SessionEnded::new);
    List<String> scopes = request.getScopes().stream().sorted().toList();
    // the answer is a form posted here that the authorization endpoint redirects to the portal:
    // browsers check that redirect against this page's form-action
    ContentSecurityPolicy.allowFormsTo(URI.create(request.getRedirectUri()), response);
    model.addAttribute("client", client);
    model.addAttribute("agency", client.getClientSettings().<String>getSetting(ClientRegistry.AGENCY));
    model.addAttribute("description", client.getClientSettings().<String>getSetting(ClientRegistry.DESCRIPTION));
    model.addAttribute("rows", ClaimRows.of(scopes, data));
    model.addAttribute("scopes", scopes);
    model.addAttribute("state", state);
    return "federation/consent";
  }
}
