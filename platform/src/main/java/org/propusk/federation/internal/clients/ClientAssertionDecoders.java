package org.propusk.federation.internal.clients;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.propusk.shared.DbTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * Decoders of {@code private_key_jwt} client assertions (ADR 6, section 4). Spring's own factory
 * reads keys only from a URL, keeps a decoder per client for ever (stale after an administrator
 * changes the keys) and lets an assertion be used again until it expires. Here the keys come from
 * the registration, pasted or at a URL; a decoder is kept per client and version, so that an edit
 * counts at once; and each assertion's {@code jti} is recorded until its {@code exp}, so that a
 * replay is refused, also on another node.
 *
 * <p>Spring's validator (iss and sub = client id, aud = issuer or an endpoint, exp present, times
 * against the system clock) runs first; then the injected clock bounds the assertion's lifetime
 * ({@value #MAX_LIFETIME_MINUTES} minutes), which also bounds the table of seen {@code jti}s.
 */
@Component
public class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

  /** Where a client's pasted JWK set is kept among its settings. */
  public static final String JWKS_SETTING = "settings.client.propusk.jwks";
  /** The registration's version among a client's settings, raised at every change. */
  public static final String VERSION_SETTING = "settings.client.propusk.version";

  static final int MAX_LIFETIME_MINUTES = 5;
  private static final Duration MAX_LIFETIME = Duration.ofMinutes(MAX_LIFETIME_MINUTES);
  private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final RestTemplate keysAtUrls;
  private final Map<String, Versioned> decoders = new ConcurrentHashMap<>();

  private record Versioned(int version, JwtDecoder decoder) {}

  ClientAssertionDecoders(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    // the jti is recorded whatever happens to the token request afterwards
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(Duration.ofSeconds(5));
    requests.setReadTimeout(Duration.ofSeconds(5));
    this.keysAtUrls = new RestTemplate(requests);
  }

  @Override
  public JwtDecoder createDecoder(RegisteredClient client) {
    int version = versionOf(client);
    Versioned cached = decoders.get(client.getId());
    if (cached != null && cached.version() == version) {
      return cached.decoder();
    }
    NimbusJwtDecoder decoder = build(client);
    OAuth2TokenValidator<Jwt> spring = JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client);
    decoder.setJwtValidator(jwt -> validate(jwt, spring, client.getClientId()));
    decoders.put(client.getId(), new Versioned(version, decoder));
    return decoder;
  }

  /** Removes the recorded {@code jti}s of expired assertions; returns how many. */
  public int forgetExpired() {
    return jdbc.sql("delete from federation_client_assertion where expires_at < :now")
        .param("now", DbTime.of(clock.instant()))
        .update();
  }

  private OAuth2TokenValidatorResult validate(Jwt assertion, OAuth2TokenValidator<Jwt> spring, String clientId) {
    OAuth2TokenValidatorResult springResult = spring.validate(assertion);
    if (springResult.hasErrors()) {
      return springResult; // nothing recorded for an assertion that is not this client's
    }
    Instant now = clock.instant();
    Instant expiresAt = assertion.getExpiresAt();
    if (!expiresAt.isAfter(now)) {
      return refused("The assertion has expired");
    }
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      return refused("The assertion may live " + MAX_LIFETIME_MINUTES + " minutes at most");
    }
    String jti = assertion.getId();
    if (jti == null || jti.isBlank()) {
      return refused("The assertion has no jti");
    }
    return firstUse(clientId, jti, expiresAt, now) ? OAuth2TokenValidatorResult.success() : refused("The assertion was used before");
  }

  /** Records the jti; false when it is recorded already (insert-or-fail: of two parallel replays, one loses). */
  private boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
    String hash = sha256(clientId + "\n" + jti);
    return Boolean.TRUE.equals(
        ownTransaction.execute(
            status -> {
              // an expired record may go: its assertion can no longer pass the time checks
              jdbc.sql("delete from federation_client_assertion where jti_hash = :hash and expires_at < :now")
                  .param("hash", hash)
                  .param("now", DbTime.of(now))
                  .update();
              try {
                jdbc.sql("insert into federation_client_assertion (jti_hash, expires_at) values (:hash, :expiresAt)")
                    .param("hash", hash)
                    .param("expiresAt", DbTime.of(expiresAt))
                    .update();
                return true;
              } catch (DuplicateKeyException replay) {
                status.setRollbackOnly();
                return false;
              }
            }));
  }

  private NimbusJwtDecoder build(RegisteredClient client) {
    JwsAlgorithm algorithm = client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm();
    if (!(algorithm instanceof SignatureAlgorithm signature)) {
      throw invalidClient("no signature algorithm registered for the client's assertions");
    }
    String jwks = client.getClientSettings().getSetting(JWKS_SETTING);
    if (jwks != null) {
      try {
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(JWKSet.parse(jwks)))
            .jwsAlgorithm(signature)
            .build();
      } catch (ParseException stored) {
        throw invalidClient("the client's registered keys cannot be read");
      }
    }
    String url = client.getClientSettings().getJwkSetUrl();
    if (url == null) {
      throw invalidClient("no keys registered for the client's assertions");
    }
    return NimbusJwtDecoder.withJwkSetUri(url).jwsAlgorithm(signature).restOperations(keysAtUrls).build();
  }

  private static int versionOf(RegisteredClient client) {
    Integer version = client.getClientSettings().getSetting(VERSION_SETTING);
    return version == null ? 0 : version;
  }

  private static OAuth2TokenValidatorResult refused(String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, ERROR_URI));
  }

  private static OAuth2AuthenticationException invalidClient(String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, ERROR_URI));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
