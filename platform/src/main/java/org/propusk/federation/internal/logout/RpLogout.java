package org.propusk.federation.internal.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.propusk.authentication.SignIn;
import org.propusk.shared.Citizen;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * RP-initiated logout at {@code /connect/logout}, after Spring has checked the request: {@code
 * id_token_hint} is an ID token Propusk issued and has not invalidated, of the signed-in citizen
 * if there is one, and {@code post_logout_redirect_uri} is one the client registered, exactly.
 * When the token's {@code sid} is this browser session's, the session ends through Propusk's own
 * sign-out (recorded, and the other services of the session are told by back-channel) and the
 * citizen goes back with {@code state}. Otherwise a service cannot end a session it was not given
 * a token in: the citizen is asked ({@link LogoutConfirmController}), and nothing ends without a click.
 */
@Component
public class RpLogout implements AuthenticationSuccessHandler {

  private final SignIn signIn;
  private final OidcSessions sessions;
  private final RegisteredClientRepository clients;

  RpLogout(SignIn signIn, OidcSessions sessions, RegisteredClientRepository clients) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.clients = clients;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication result)
      throws IOException {
    OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) result;
    OidcIdToken idToken = logout.getIdToken();
    String returnTo = returnAddress(logout);
    if (ofThisSession(logout, idToken.getClaimAsString("sid"))) {
      signIn.signOut(request, response);
      response.sendRedirect(returnTo != null ? returnTo : request.getContextPath() + "/");
      return;
    }
    RegisteredClient client = clients.findByClientId(idToken.getAudience().get(0));
    new PendingLogout(client == null ? null : client.getClientName(), returnTo, false).keepIn(request);
    response.sendRedirect(request.getContextPath() + LogoutConfirmController.PATH);
  }

  private boolean ofThisSession(OidcLogoutAuthenticationToken logout, String sid) {
    Optional<Citizen> citizen = Citizen.current();
    return logout.isPrincipalAuthenticated()
        && sid != null
        && citizen.isPresent()
        && sessions.currentSid(citizen.get().accountId()).filter(sid::equals).isPresent();
  }

  /** The registered post-logout URI (Spring checked it) with the client's {@code state}, or null. */
  private static String returnAddress(OidcLogoutAuthenticationToken logout) {
    if (logout.getPostLogoutRedirectUri() == null || logout.getPostLogoutRedirectUri().isBlank()) {
      return null;
    }
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri());
    if (logout.getState() != null && !logout.getState().isBlank()) {
      uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(logout.getState(), StandardCharsets.UTF_8));
    }
    return uri.build(true).toUriString();
  }
}
