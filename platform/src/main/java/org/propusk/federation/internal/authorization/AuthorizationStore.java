package org.propusk.federation.internal.authorization;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.federation.internal.logout.OidcSessions;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JDBC authorization service on Propusk's table: the JSON mapper that knows {@link
 * org.propusk.shared.Citizen}, and lookups by the SHA-256 of a code or token in indexed columns
 * (Spring's own lookups compare the unindexed values, or OR seven of them). The values themselves
 * stay in their columns, because Spring's providers compare them (ADR 6, section 6).
 *
 * <p>When a refresh token is replaced (rotation), the old one's hash goes to {@code
 * federation_refresh_spent}, so that its reuse can be told from a token that never existed (see
 * {@link RefreshTokenReuseGuard}). Every row has an {@code expires_at} for housekeeping: its
 * latest token's expiry, or, while it waits for the citizen (consent, a pushed request), an hour.
 */
public class AuthorizationStore extends JdbcOAuth2AuthorizationService {

  /** How long an authorization without any token yet (waiting for sign-in or consent) is kept. */
  static final Duration WAITING_LIFETIME = Duration.ofHours(1);

  private static final String COLUMNS = "select * from oauth2_authorization where ";
  private static final List<String> HASH_COLUMNS =
      List.of("state_hash", "code_hash", "access_hash", "id_token_hash", "refresh_hash");
  /**
   * The columns of Spring's parameter mapper in its order (its {@code COLUMN_NAMES}); Propusk's
   * follow. Were a Spring release to map others, every save in the tests would fail.
   */
  private static final List<String> SPRING_COLUMNS =
      List.of(
          "id", "registered_client_id", "principal_name", "authorization_grant_type", "authorized_scopes", "attributes", "state",
          "authorization_code_value", "authorization_code_issued_at", "authorization_code_expires_at", "authorization_code_metadata",
          "access_token_value", "access_token_issued_at", "access_token_expires_at", "access_token_metadata", "access_token_type",
          "access_token_scopes",
          "oidc_id_token_value", "oidc_id_token_issued_at", "oidc_id_token_expires_at", "oidc_id_token_metadata",
          "refresh_token_value", "refresh_token_issued_at", "refresh_token_expires_at", "refresh_token_metadata",
          "user_code_value", "user_code_issued_at", "user_code_expires_at", "user_code_metadata",
          "device_code_value", "device_code_issued_at", "device_code_expires_at", "device_code_metadata");
  private static final List<String> COLUMNS_WRITTEN =
      Stream.of(SPRING_COLUMNS, HASH_COLUMNS, List.of("expires_at")).flatMap(List::stream).toList();
  /** Inserts a new authorization; one that is stored already (its id, the only unique key) is left alone. */
  private static final String INSERT =
      "insert into oauth2_authorization (" + String.join(", ", COLUMNS_WRITTEN) + ") values ("
          + String.join(", ", COLUMNS_WRITTEN.stream().map(column -> "?").toList()) + ") on conflict do nothing";
  private static final String UPDATE =
      "update oauth2_authorization set " + String.join(", ", COLUMNS_WRITTEN.stream().skip(1).map(column -> column + " = ?").toList())
          + " where id = ?";
  private static final String FOUND_IN_REQUEST = AuthorizationStore.class.getName() + ".found";

  private final TransactionTemplate transactions;
  private final OidcSessions sessions;
  private final Duration refreshAbsolute;
  private final Clock clock;
  /** The authorization a guard read for a token, for the provider it calls ({@link #withFound}). */
  private final ThreadLocal<Found> found = new ThreadLocal<>();

  public AuthorizationStore(
      JdbcOperations jdbc,
      RegisteredClientRepository clients,
      TransactionTemplate transactions,
      OidcSessions sessions,
      Duration refreshAbsolute,
      Clock clock) {
    super(jdbc, clients);
    this.transactions = transactions;
    this.sessions = sessions;
    this.refreshAbsolute = refreshAbsolute;
    this.clock = clock;
    JsonMapper json = AuthorizationJson.mapper();
    setAuthorizationRowMapper(
        new ParsedAuthorizations(
            new JsonMapperOAuth2AuthorizationRowMapper(clients, json), clients, ClientRegistry.ACCESS_TOKEN_LIFETIME));
    setAuthorizationParametersMapper(new JsonMapperOAuth2AuthorizationParametersMapper(json));
  }

  /**
   * Also binds the authorization to the browser session's sid when its code is issued. One
   * statement writes the row with its lookup hashes and expiry: Spring's save wrote its columns
   * and a second update the hashes, two new versions of the row (each with all its indexes) per
   * refresh.
   */
  @Override
  public void save(OAuth2Authorization given) {
    transactions.executeWithoutResult(
        status -> {
          OAuth2Authorization authorization = sessions.bind(given);
          // what this request read of it (the token it serves) says what is stored, with no query
          Optional<StoredRow> readEarlier =
              readInThisRequest(authorization.getId())
                  .map(read -> new StoredRow(hash(value(read.getToken(OAuth2RefreshToken.class)))));
          // Spring's columns, id first, in the order of SPRING_COLUMNS, then Propusk's (typed, so
          // that a null costs no question to the driver)
          List<Object> values = new ArrayList<>(getAuthorizationParametersMapper().apply(authorization));
          if (values.size() != SPRING_COLUMNS.size()) {
            throw new IllegalStateException("Spring's authorization mapper gives " + values.size() + " columns, not " + SPRING_COLUMNS.size());
          }
          Stream.of(
                  authorization.<String>getAttribute(OAuth2ParameterNames.STATE),
                  value(authorization.getToken(OAuth2AuthorizationCode.class)),
                  value(authorization.getToken(OAuth2AccessToken.class)),
                  value(authorization.getToken(OidcIdToken.class)),
                  value(authorization.getToken(OAuth2RefreshToken.class)))
              .map(token -> new SqlParameterValue(Types.VARCHAR, hash(token)))
              .forEach(values::add);
          values.add(
              new SqlParameterValue(
                  Types.TIMESTAMP_WITH_TIMEZONE,
                  DbTime.of(latestExpiry(authorization).orElse(clock.instant().plus(WAITING_LIFETIME)))));
          forgetReadEarlier(authorization.getId());
          // not read in this request: most often a new one (an authorization request, a service's
          // token), inserted without asking first; else the stored row tells what is replaced
          if (readEarlier.isEmpty() && getJdbcOperations().update(INSERT, values.toArray()) == 1) {
            return;
          }
          StoredRow stored =
              readEarlier.or(() -> storedRow(authorization.getId())).orElseThrow(AuthorizationStore::removedMeanwhile);
          recordSpentRefreshToken(authorization, stored.refreshHash());
          values.add(values.remove(0));
          if (getJdbcOperations().update(UPDATE, values.toArray()) == 0) {
            throw removedMeanwhile();
          }
        });
  }

  /**
   * The authorization was removed while this request used it (consent withdrawn, family revoked):
   * not brought back with new tokens; the save's transaction, with the spent refresh token, is
   * rolled back.
   */
  private static OAuth2AuthenticationException removedMeanwhile() {
    return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
  }

  /** What a save needs of the row it replaces: its refresh token's hash, null when it has none. */
  private record StoredRow(String refreshHash) {}

  private Optional<StoredRow> storedRow(String id) {
    return getJdbcOperations()
        .query("select refresh_hash from oauth2_authorization where id = ?", (rs, row) -> new StoredRow(rs.getString(1)), id)
        .stream()
        .findFirst();
  }

  /**
   * Runs a token provider with the authorization its guard has just read for this token, so that
   * the provider's own lookup of the same token ({@link #findByToken}) does not read it again.
   */
  <T> T withFound(OAuth2Authorization authorization, String token, OAuth2TokenType type, Supplier<T> provider) {
    found.set(new Found(hash(token), type.getValue(), authorization));
    try {
      return provider.get();
    } finally {
      found.remove();
    }
  }

  private record Found(String tokenHash, String type, OAuth2Authorization authorization) {

    boolean answers(String hash, OAuth2TokenType tokenType) {
      return tokenType != null && type.equals(tokenType.getValue()) && tokenHash.equals(hash);
    }
  }

  /**
   * Keeps the authorization just read for this token until the request ends, so that the provider
   * handling the request (userinfo's, once the bearer token was taken) does not read it again.
   */
  public void keepForRequest(String token, OAuth2TokenType type, OAuth2Authorization authorization) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(FOUND_IN_REQUEST, new Found(hash(token), type.getValue(), authorization), RequestAttributes.SCOPE_REQUEST);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    forgetReadEarlier(authorization.getId());
    super.remove(authorization);
  }

  /** What this request read for the tokens it serves: a guard's read ({@link #withFound}), a bearer token's. */
  private Stream<Found> readEarlier() {
    return Stream.of(found.get(), foundInRequest()).filter(Objects::nonNull);
  }

  /** The authorization as this request read it for a token it serves, if it did. */
  private Optional<OAuth2Authorization> readInThisRequest(String authorizationId) {
    return readEarlier().map(Found::authorization).filter(read -> read.getId().equals(authorizationId)).findFirst();
  }

  /** A save or removal makes what this request read of the authorization stale: it is read again. */
  private void forgetReadEarlier(String authorizationId) {
    Found guarded = found.get();
    if (guarded != null && guarded.authorization().getId().equals(authorizationId)) {
      found.remove();
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Found inRequest = foundInRequest();
    if (inRequest != null && inRequest.authorization().getId().equals(authorizationId)) {
      request.removeAttribute(FOUND_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
    }
  }

  private static Found foundInRequest() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request == null ? null : (Found) request.getAttribute(FOUND_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
  }

  /**
   * The refresh token stored so far, when this save replaces it, is spent from now on. Two refreshes
   * with one token at once both replace it: the one that records it second is refused with {@code
   * invalid_grant}, as a later reuse would be, instead of failing on the key inside the token
   * endpoint (a 500, issue 15); its transaction, with its tokens, is rolled back.
   */
  private void recordSpentRefreshToken(OAuth2Authorization authorization, String replaced) {
    OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getToken(OAuth2RefreshToken.class);
    if (refresh == null || replaced == null || replaced.equals(hash(refresh.getToken().getTokenValue()))) {
      return;
    }
    int recorded =
        getJdbcOperations()
            .update(
                "insert into federation_refresh_spent (token_hash, authorization_id, expires_at) values (?, ?, ?)"
                    + " on conflict do nothing",
                replaced,
                authorization.getId(),
                DbTime.of(familyEnd(authorization, refresh.getToken())));
    if (recorded == 0) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }
  }

  /**
   * When the family began (its code was issued) plus the absolute refresh lifetime: no refresh
   * token of it lives longer, however often it is rotated.
   */
  Instant familyEnd(OAuth2Authorization authorization, OAuth2RefreshToken fallback) {
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
    Instant began = code != null ? code.getToken().getIssuedAt() : fallback.getIssuedAt();
    return began.plus(refreshAbsolute);
  }

  /** The authorization whose refresh token this was before it was replaced, if it still exists. */
  Optional<OAuth2Authorization> familyOfSpent(String refreshToken) {
    return getJdbcOperations()
        .queryForList("select authorization_id from federation_refresh_spent where token_hash = ?", String.class, hash(refreshToken))
        .stream()
        .findFirst()
        .map(this::findById);
  }

  /** Housekeeping: authorizations past their latest expiry and spent hashes of families that can no longer live. */
  int deleteExpired(Instant now) {
    return getJdbcOperations().update("delete from oauth2_authorization where expires_at < ?", DbTime.of(now))
        + getJdbcOperations().update("delete from federation_refresh_spent where expires_at < ?", DbTime.of(now));
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    String hash = hash(token);
    Optional<OAuth2Authorization> known =
        readEarlier().filter(read -> read.answers(hash, tokenType)).map(Found::authorization).findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    if (tokenType == null) {
      return first(
          String.join(" or ", HASH_COLUMNS.stream().map(c -> c + " = ?").toList()),
          HASH_COLUMNS.stream().map(c -> hash).toArray());
    }
    String column =
        switch (tokenType.getValue()) {
          case OAuth2ParameterNames.STATE -> "state_hash";
          case OAuth2ParameterNames.CODE -> "code_hash";
          case OAuth2ParameterNames.ACCESS_TOKEN -> "access_hash";
          case OidcParameterNames.ID_TOKEN -> "id_token_hash";
          case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh_hash";
          // device flow: not offered
          default -> null;
        };
    return column == null ? null : first(column + " = ?", hash);
  }

  private OAuth2Authorization first(String filter, Object... hashes) {
    List<OAuth2Authorization> found = getJdbcOperations().query(COLUMNS + filter, getAuthorizationRowMapper(), hashes);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String value(OAuth2Authorization.Token<? extends OAuth2Token> token) {
    return token == null ? null : token.getToken().getTokenValue();
  }

  private static Optional<Instant> latestExpiry(OAuth2Authorization authorization) {
    return Stream.of(
            authorization.getToken(OAuth2AuthorizationCode.class),
            authorization.getToken(OAuth2AccessToken.class),
            authorization.getToken(OidcIdToken.class),
            authorization.getToken(OAuth2RefreshToken.class))
        .filter(Objects::nonNull)
        .map(token -> token.getToken().getExpiresAt())
        .filter(Objects::nonNull)
        .max(Instant::compareTo);
  }

  /** SHA-256 in hex: the values are long random strings, so no key is needed against guessing. */
  static String hash(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return HexFormat.of().formatHex(sha256().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
