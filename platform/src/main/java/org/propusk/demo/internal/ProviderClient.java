package org.propusk.demo.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo portal's side of the protocol, over HTTP like any outside portal: the provider's
 * discovery document, the token request (client_secret_basic, the PKCE verifier), the ID token's
 * signature checked against the published JWKS with its issuer, audience, nonce and times, and
 * userinfo with the access token.
 */
@Component
@Profile("dev")
class ProviderClient {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  private final RestClient http;
  private final Clock clock;
  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;

  ProviderClient(
      RestClient.Builder http,
      Clock clock,
      @Value("${propusk.demo-rp.issuer}") String issuer,
      @Value("${propusk.demo-rp.client-id}") String clientId,
      @Value("${propusk.demo-rp.client-secret}") String clientSecret,
      @Value("${propusk.demo-rp.redirect-uri}") String redirectUri) {
    this.http = http.build();
    this.clock = clock;
    this.issuer = issuer;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
  }

  /** Something the provider answered that a portal must not accept, in words for the page. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  record Tokens(String idToken, String accessToken, String tokenType, Object expiresIn, String scope, boolean refreshToken) {}

  String issuer() {
    return issuer;
  }

  /** The address of the authorization request the citizen's browser is sent to. */
  String authorizationRequest(DemoRequest request) {
    return UriComponentsBuilder.fromUriString(endpoint("authorization_endpoint"))
        .queryParam("response_type", "code")
        .queryParam("client_id", clientId)
        .queryParam("redirect_uri", redirectUri)
        .queryParam("scope", String.join(" ", request.scopes()))
        .queryParam("state", request.state())
        .queryParam("nonce", request.nonce())
        .queryParam("code_challenge", request.codeChallenge())
        .queryParam("code_challenge_method", "S256")
        .queryParamIfPresent("acr_values", java.util.Optional.ofNullable(request.acrValues()))
        .encode()
        .build()
        .toUriString();
  }

  /** The code exchanged at the token endpoint, as {@code client_secret_basic} with the PKCE verifier. */
  Tokens exchange(String code, DemoRequest request) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("redirect_uri", redirectUri);
    form.add("code_verifier", request.verifier());
    Map<String, Object> answer =
        http.post()
            .uri(endpoint("token_endpoint"))
            // RFC 6749 section 2.3.1: the id and secret are form-encoded before Basic
            .headers(h -> h.setBasicAuth(formEncoded(clientId), formEncoded(clientSecret), StandardCharsets.UTF_8))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(form)
            .exchange((req, res) -> answer(res, "token"));
    if (!(answer.get("id_token") instanceof String idToken) || !(answer.get("access_token") instanceof String accessToken)) {
      throw new Refused("the token response has no id_token or access_token");
    }
    return new Tokens(
        idToken,
        accessToken,
        String.valueOf(answer.get("token_type")),
        answer.get("expires_in"),
        (String) answer.get("scope"),
        answer.containsKey("refresh_token"));
  }

  /** The ID token checked as OpenID Connect Core 3.1.3.7 asks: signature, iss, aud, azp, nonce, exp, iat. */
  Jwt validate(String idToken, String nonce) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(endpoint("jwks_uri"))
            .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256)))
            .build();
    JwtTimestampValidator times = new JwtTimestampValidator();
    times.setClock(clock);
    List<OAuth2TokenValidator<Jwt>> checks =
        List.of(
            times,
            new JwtIssuerValidator(issuer),
            new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(clientId)),
            new JwtClaimValidator<Object>(
                "azp", azp -> azp == null || clientId.equals(azp)),
            new JwtClaimValidator<String>("nonce", nonce::equals),
            new JwtClaimValidator<Object>(JwtClaimNames.IAT, iat -> iat != null),
            new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
    try {
      return decoder.decode(idToken);
    } catch (JwtException e) {
      throw new Refused("the ID token is not valid: " + e.getMessage());
    }
  }

  /** The userinfo answer for the access token. */
  Map<String, Object> userInfo(String accessToken) {
    return http.get()
        .uri(endpoint("userinfo_endpoint"))
        .headers(h -> h.setBearerAuth(accessToken))
        .accept(MediaType.APPLICATION_JSON)
        .exchange((req, res) -> answer(res, "userinfo"));
  }

  /**
   * One endpoint from the provider's discovery document, read each time: a development tool,
   * and the provider may have been restarted with other settings.
   */
  private String endpoint(String name) {
    Map<String, Object> metadata =
        http.get()
            .uri(issuer + "/.well-known/openid-configuration")
            .accept(MediaType.APPLICATION_JSON)
            .exchange((req, res) -> answer(res, "discovery"));
    if (!issuer.equals(metadata.get("issuer"))) {
      throw new Refused("the discovery document names another issuer: " + metadata.get("issuer"));
    }
    if (!(metadata.get(name) instanceof String value)) {
      throw new Refused("the discovery document has no " + name);
    }
    return value;
  }

  /** A JSON answer, or its OAuth error (RFC 6749 section 5.2, RFC 6750 section 3) as a refusal. */
  private static Map<String, Object> answer(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse res, String what)
      throws java.io.IOException {
    if (res.getStatusCode().isError()) {
      String challenge = res.getHeaders().getFirst("WWW-Authenticate");
      Map<String, Object> body = MediaType.APPLICATION_JSON.isCompatibleWith(res.getHeaders().getContentType()) ? res.bodyTo(JSON) : null;
      throw new Refused(
          what + ": HTTP " + res.getStatusCode().value() + " "
              + (body != null ? body.getOrDefault("error", "") + " " + body.getOrDefault("error_description", "") : challenge == null ? "" : challenge));
    }
    Map<String, Object> body = res.bodyTo(JSON);
    if (body == null) {
      throw new Refused(what + ": an empty answer");
    }
    return body;
  }

  private static String formEncoded(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
