package org.propusk.federation.internal.claims;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.propusk.federation.AttributesReleased;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.propusk.shared.DbTime;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen's record of what portals received: claim names, never values, with the portal, the
 * time and the channel (an ID token or a userinfo answer). Each entry is also announced as
 * {@link AttributesReleased} for the audit trail.
 */
@Component
public class SharingLog {

  public static final String ID_TOKEN = "id_token";
  public static final String USERINFO = "userinfo";
  private static final int MAX_ENTRIES_SHOWN = 100;

  /** One release, as the sharing page lists it. */
  public record Entry(String clientId, List<String> claims, String channel, Instant at) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final OneTimeSecrets secrets;

  /**
   * Keys of userinfo releases logged by this node while their token may still be used; bounded so
   * that a burst of tokens costs a few MiB of heap at most, not a leak.
   */
  private final Cache<String, Boolean> recentUserInfoReleases =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ClientRegistry.ACCESS_TOKEN_LIFETIME).build();

  SharingLog(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, OneTimeSecrets secrets) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** Records that the portal received these claims (in a transaction of its own, so the event goes out). */
  public void released(UUID accountId, String clientId, Collection<String> claims, String channel) {
    record(accountId, clientId, List.copyOf(claims), channel, null);
  }

  /**
   * Records a userinfo answer once per access token and set of claims: a portal asking again with
   * the same token learns nothing it was not logged as having received. The releases logged lately
   * are remembered, so that a repeated call costs no transaction; on another node, or once
   * forgotten, the unique key keeps the log to one entry.
   */
  public void releasedByUserInfo(UUID accountId, String clientId, Collection<String> claims, String accessToken) {
    List<String> names = List.copyOf(claims);
    String key = secrets.hash(accessToken + "\n" + String.join(" ", names));
    if (recentUserInfoReleases.getIfPresent(key) == null) {
      record(accountId, clientId, names, USERINFO, key);
      recentUserInfoReleases.put(key, Boolean.TRUE);
    }
  }

  private void record(UUID accountId, String clientId, List<String> names, String channel, String releaseKey) {
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          int added =
              jdbc.sql(
                      "insert into federation_sharing_log (id, account_id, client_id, claims, channel, released_at, release_key)"
                          + " values (:id, :account, :client, :claims, :channel, :at, :key) on conflict do nothing")
                  .param("id", UUID.randomUUID())
                  .param("account", accountId)
                  .param("client", clientId)
                  .param("claims", String.join(" ", names))
                  .param("channel", channel)
                  .param("at", DbTime.of(now))
                  .param("key", releaseKey)
                  .update();
          if (added == 1) {
            events.publishEvent(new AttributesReleased(accountId, clientId, names, channel, Occurrence.at(now)));
          }
        });
  }

  /** The latest releases to the account's portals, newest first. */
  public List<Entry> of(UUID accountId) {
    return jdbc.sql(
            "select client_id, claims, channel, released_at from federation_sharing_log where account_id = :account"
                + " order by released_at desc limit " + MAX_ENTRIES_SHOWN)
        .param("account", accountId)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getString("client_id"),
                    List.of(rs.getString("claims").split(" ")),
                    rs.getString("channel"),
                    DbTime.read(rs, "released_at")))
        .list();
  }

  /** A deleted account's log goes with it. */
  public void forget(UUID accountId) {
    jdbc.sql("delete from federation_sharing_log where account_id = :account").param("account", accountId).update();
  }
}
