package org.propusk.federation.internal.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * RFC 9207: every authorization response names its issuer ({@code iss}), success and error alike,
 * so that a relying party talking to several providers cannot be fooled into sending one
 * provider's code to another (mix-up attack). Spring 7.1 adds only {@code code}/{@code error} and
 * {@code state}; these handlers are its own with {@code iss} added, and Propusk's own error
 * redirects (pushed request required, account level) are built here too.
 */
@Component
public class IssuerParameter {

  private final String issuer;

  IssuerParameter(AuthorizationServerSettings settings) {
    this.issuer = settings.getIssuer();
  }

  /** The redirect that carries the code, as Spring's with {@code iss}. */
  AuthenticationSuccessHandler success() {
    return (request, response, authentication) -> {
      OAuth2AuthorizationCodeRequestAuthenticationToken issued = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
      Assert.notNull(issued.getRedirectUri(), "redirectUri cannot be null");
      Assert.notNull(issued.getAuthorizationCode(), "authorizationCode cannot be null");
      UriComponentsBuilder uri =
          UriComponentsBuilder.fromUriString(issued.getRedirectUri())
              .queryParam(OAuth2ParameterNames.CODE, issued.getAuthorizationCode().getTokenValue());
      response.sendRedirect(withStateAndIssuer(uri, issued.getState()));
    };
  }

  /**
   * The error redirect, as Spring's with {@code iss}; without a redirect URI that may be trusted
   * (unknown client, unregistered redirect URI, unusable {@code request_uri}) a 400 page instead.
   */
  AuthenticationFailureHandler error() {
    return (request, response, exception) -> {
      OAuth2AuthorizationCodeRequestAuthenticationException refused = (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
      OAuth2AuthorizationCodeRequestAuthenticationToken answered = refused.getAuthorizationCodeRequestAuthentication();
      if (answered == null || !StringUtils.hasText(answered.getRedirectUri())) {
        response.sendError(HttpStatus.BAD_REQUEST.value(), refused.getError().toString());
        return;
      }
      redirect(response, answered.getRedirectUri(), answered.getState(), refused.getError());
    };
  }

  /** Sends the citizen back to a redirect URI that was checked against the client's registration, with an error. */
  public void redirect(HttpServletResponse response, String redirectUri, String state, OAuth2Error error) throws IOException {
    response.sendRedirect(errorAddress(redirectUri, state, error));
  }

  /** The address of such an error response, e.g. for a link. */
  public String errorAddress(String redirectUri, String state, OAuth2Error error) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromUriString(redirectUri).queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
    if (StringUtils.hasText(error.getDescription())) {
      uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
    }
    if (StringUtils.hasText(error.getUri())) {
      uri.queryParam(OAuth2ParameterNames.ERROR_URI, encode(error.getUri()));
    }
    return withStateAndIssuer(uri, state);
  }

  private String withStateAndIssuer(UriComponentsBuilder uri, String state) {
    if (StringUtils.hasText(state)) {
      uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
    }
    uri.queryParam("iss", encode(issuer));
    // build(true): the components are encoded above, as Spring's handlers do
    return uri.build(true).toUriString();
  }

  private static String encode(String value) {
    return UriUtils.encode(value, StandardCharsets.UTF_8);
  }
}
