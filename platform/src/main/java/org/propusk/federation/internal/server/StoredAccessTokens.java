package org.propusk.federation.internal.server;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.propusk.federation.internal.authorization.AuthorizationStore;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The bearer tokens of the federation chain (userinfo) are Propusk's own access tokens, each kept
 * byte for byte with its authorization. A token is taken when the store holds it as an access
 * token that was not revoked: only Propusk writes the store, so this proves the token as its
 * signature would; userinfo, which looks it up next, is answered from this read. Verifying the
 * ES256 signature as well was half of a userinfo answer's CPU (README "Performance"). A token the
 * store does not hold (forged, foreign, an ID token, one whose authorization is gone) is refused
 * before its claims are read; the claims of a held one are checked for expiry by Propusk's clock
 * and for the issuer, as before.
 */
final class StoredAccessTokens implements JwtDecoder {

  private final AuthorizationStore store;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Converter<Map<String, Object>, Map<String, Object>> claims =
      MappedJwtClaimSetConverter.withDefaults(Collections.emptyMap());

  StoredAccessTokens(AuthorizationStore store, OAuth2TokenValidator<Jwt> validator) {
    this.store = store;
    this.validator = validator;
  }

  @Override
  public Jwt decode(String token) {
    OAuth2Authorization authorization = store.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
    OAuth2Authorization.Token<OAuth2AccessToken> stored = authorization == null ? null : authorization.getAccessToken();
    if (stored == null || !stored.getToken().getTokenValue().equals(token) || stored.isInvalidated()) {
      throw new BadJwtException("Not an access token of this provider, or no longer valid");
    }
    Jwt jwt = parse(token);
    OAuth2TokenValidatorResult checked = validator.validate(jwt);
    if (checked.hasErrors()) {
      throw new JwtValidationException(checked.getErrors().iterator().next().getDescription(), checked.getErrors());
    }
    store.keepForRequest(token, OAuth2TokenType.ACCESS_TOKEN, authorization);
    return jwt;
  }

  private Jwt parse(String token) {
    try {
      JWT parsed = JWTParser.parse(token);
      if (!(parsed instanceof SignedJWT)) {
        throw new BadJwtException("Not a signed token");
      }
      Map<String, Object> headers = new LinkedHashMap<>(parsed.getHeader().toJSONObject());
      Map<String, Object> values = claims.convert(parsed.getJWTClaimsSet().getClaims());
      return Jwt.withTokenValue(token).headers(h -> h.putAll(headers)).claims(c -> c.putAll(values)).build();
    } catch (ParseException | IllegalArgumentException malformed) {
      throw new BadJwtException("Malformed token", malformed);
    }
  }
}
