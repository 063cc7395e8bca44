package org.propusk.federation.internal.authorization;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring's authorization row mapper behind a cache of what it made, keyed by the SHA-256 of every
 * column of the row. Parsing the row's JSON is most of the CPU of a userinfo answer (Spring's
 * Jackson deserializers resolve the type of each typed collection afresh); a row read again
 * unchanged, as when a relying party calls userinfo with one access token, is not parsed again.
 * Any change to the row (a token issued, rotated or invalidated) changes its digest, and a deleted
 * row is not found by the query: the cache can never answer with a state the database no longer
 * holds, on this node or another. An {@link OAuth2Authorization} is immutable, so one instance can
 * be shared.
 */
final class ParsedAuthorizations implements RowMapper<OAuth2Authorization> {

  /** Rows kept: about 5 KiB each parsed, so a few MiB of the heap at most. */
  static final int CAPACITY = 1_000;

  private final RowMapper<OAuth2Authorization> parser;
  private final RegisteredClientRepository clients;
  private final Cache<String, OAuth2Authorization> parsed;

  ParsedAuthorizations(RowMapper<OAuth2Authorization> parser, RegisteredClientRepository clients, Duration keep) {
    this.parser = parser;
    this.clients = clients;
    this.parsed = Caffeine.newBuilder().maximumSize(CAPACITY).expireAfterAccess(keep).build();
  }

  @Override
  public OAuth2Authorization mapRow(ResultSet row, int rowNumber) throws SQLException {
    String digest = digest(row);
    OAuth2Authorization known = parsed.getIfPresent(digest);
    if (known == null) {
      OAuth2Authorization authorization = parser.mapRow(row, rowNumber);
      parsed.put(digest, authorization);
      return authorization;
    }
    // as Spring's mapper does on every read: an authorization of a client that is gone is an error
    String clientId = known.getRegisteredClientId();
    if (clients.findById(clientId) == null) {
      throw new DataRetrievalFailureException(
          "The RegisteredClient with id '" + clientId + "' was not found in the RegisteredClientRepository.");
    }
    return known;
  }

  /** Each column as text, its length first so that no two rows run together into one input. */
  private static String digest(ResultSet row) throws SQLException {
    MessageDigest sha256 = AuthorizationStore.sha256();
    ResultSetMetaData columns = row.getMetaData();
    for (int column = 1; column <= columns.getColumnCount(); column++) {
      String value = row.getString(column);
      if (value == null) {
        sha256.update((byte) 0);
      } else {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) 1);
        sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) ':');
        sha256.update(bytes);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
