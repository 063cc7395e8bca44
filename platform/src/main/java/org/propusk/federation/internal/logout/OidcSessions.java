package org.propusk.federation.internal.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Propusk's OpenID Connect sessions (ADR 6, section 7): a random {@code sid} per signed-in browser
 * session, kept in the session itself (so in the database, the same on every node) and unchanged
 * when the session id changes at a level change, which Spring's {@code sid} (a hash of the session
 * id) is not. It is bound to the account: a browser that signs in as someone else gets a new one.
 * The tables name the account of each sid, the clients given a code in it and those
 * authorizations, for logout.
 */
@Component
public class OidcSessions {

  /** The authorization's attribute with the sid of the browser session that got its code. */
  public static final String SID = "propusk.sid";

  static final String ATTRIBUTE = "propusk.federation.session";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the browser session keeps: its sid and the account it was made for. */
  record BrowserSession(String sid, UUID accountId) implements Serializable {}

  private final JdbcClient jdbc;
  private final Clock clock;

  OidcSessions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The authorization with the sid of the request's browser session, when it is the one that gets
   * a code for that session's citizen (the authorization endpoint, signed in); the client is then
   * recorded as one of that sid's. Otherwise (the token endpoint, a refresh) it is unchanged: the
   * sid stays with the authorization from its code on.
   */
  public OAuth2Authorization bind(OAuth2Authorization authorization) {
    if (authorization.getAttribute(SID) != null || authorization.getToken(OAuth2AuthorizationCode.class) == null) {
      return authorization;
    }
    Optional<HttpServletRequest> request = currentRequest();
    Optional<Citizen> citizen = Citizen.current();
    if (request.isEmpty()
        || citizen.isEmpty()
        || !citizen.get().accountId().toString().equals(authorization.getPrincipalName())) {
      return authorization;
    }
    String sid = sidOf(request.get(), citizen.get().accountId());
    jdbc.sql(
            "insert into federation_session_client (sid, registered_client_id, first_at) values (:sid, :client, :now)"
                + " on conflict do nothing")
        .param("sid", sid)
        .param("client", authorization.getRegisteredClientId())
        .param("now", DbTime.of(clock.instant()))
        .update();
    jdbc.sql("insert into federation_session_authorization (sid, authorization_id) values (:sid, :id) on conflict do nothing")
        .param("sid", sid)
        .param("id", authorization.getId())
        .update();
    return OAuth2Authorization.from(authorization).attribute(SID, sid).build();
  }

  /** The sid of the current request's browser session, when it has one for this account. */
  Optional<String> currentSid(UUID accountId) {
    return currentRequest()
        .map(request -> request.getSession(false))
        .map(session -> session.getAttribute(ATTRIBUTE))
        .filter(BrowserSession.class::isInstance)
        .map(BrowserSession.class::cast)
        .filter(session -> session.accountId().equals(accountId))
        .map(BrowserSession::sid);
  }

  /** The account's sids made since {@code since} (older sessions are past their absolute timeout). */
  List<String> sidsOf(UUID accountId, Instant since) {
    return jdbc.sql("select sid from federation_session where account_id = :account and created_at >= :since")
        .param("account", accountId)
        .param("since", DbTime.of(since))
        .query(String.class)
        .list();
  }

  /** The clients (registered client ids) that got a code in the session. */
  List<String> clientsOf(String sid) {
    return jdbc.sql("select registered_client_id from federation_session_client where sid = :sid order by first_at")
        .param("sid", sid)
        .query(String.class)
        .list();
  }

  /** Removes the authorizations (codes and tokens) given in the session. */
  void endAuthorizations(String sid) {
    jdbc.sql(
            "delete from oauth2_authorization where id in"
                + " (select authorization_id from federation_session_authorization where sid = :sid)")
        .param("sid", sid)
        .update();
  }

  /** The session is over: its sid, clients and authorizations are forgotten. */
  void forget(String sid) {
    jdbc.sql("delete from federation_session where sid = :sid").param("sid", sid).update();
  }

  private String sidOf(HttpServletRequest request, UUID accountId) {
    HttpSession session = request.getSession();
    if (session.getAttribute(ATTRIBUTE) instanceof BrowserSession known && known.accountId().equals(accountId) && stored(known.sid())) {
      return known.sid();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into federation_session (sid, account_id, created_at) values (:sid, :account, :now)")
        .param("sid", sid)
        .param("account", accountId)
        .param("now", DbTime.of(clock.instant()))
        .update();
    session.setAttribute(ATTRIBUTE, new BrowserSession(sid, accountId));
    return sid;
  }

  /** Whether the sid is still recorded (housekeeping forgets those older than the absolute timeout). */
  private boolean stored(String sid) {
    return jdbc.sql("select count(*) from federation_session where sid = :sid").param("sid", sid).query(Long.class).single() > 0;
  }

  private static Optional<HttpServletRequest> currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? Optional.of(attributes.getRequest())
        : Optional.empty();
  }
}
