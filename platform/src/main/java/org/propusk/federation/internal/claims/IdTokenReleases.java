package org.propusk.federation.internal.claims;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's answer, written after an ID token is recorded in the citizen's sharing log:
 * only once the grant succeeded and its tokens were stored, so that a request refused after the
 * token was signed leaves no entry for data the portal never received.
 *
 * <p>One entry per sign-in at the portal (the exchange of its authorization code), not per renewal:
 * an ID token issued at a refresh repeats, for the same authorization, the claims already logged
 * when its code was exchanged (the openid row of {@link ClaimCatalogue}, the same names each time).
 * Logged at every refresh, a portal keeping its citizen signed in for a day would fill the sharing
 * page with one line every few minutes and push the other portals' releases out of it.
 */
@Component
public class IdTokenReleases implements AuthenticationSuccessHandler {

  private final SharingLog sharingLog;
  private final AuthenticationSuccessHandler response = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

  IdTokenReleases(SharingLog sharingLog) {
    this.sharingLog = sharingLog;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse httpResponse, Authentication authentication)
      throws IOException, ServletException {
    if (authentication instanceof OAuth2AccessTokenAuthenticationToken tokens
        && tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String idToken
        && !AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
      sharingLog.released(
          subject(idToken), tokens.getRegisteredClient().getClientId(), ClaimCatalogue.idTokenClaims(), SharingLog.ID_TOKEN);
    }
    response.onAuthenticationSuccess(request, httpResponse, authentication);
  }

  /** The citizen the ID token names: Propusk signed it a moment ago, so its claims are read, not verified. */
  private static UUID subject(String idToken) {
    try {
      return UUID.fromString(SignedJWT.parse(idToken).getJWTClaimsSet().getSubject());
    } catch (ParseException e) {
      throw new IllegalStateException("an ID token Propusk just signed does not parse", e);
    }
  }
}
