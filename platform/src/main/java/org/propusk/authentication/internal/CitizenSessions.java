package org.propusk.authentication.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.account.SessionStanding;
import org.propusk.authentication.SessionsEnded;
import org.propusk.shared.Citizen;
import org.propusk.shared.Occurrence;
import org.propusk.shared.OneTimeSecrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The citizen's own signed-in sessions, on every node (they are found in the session store by
 * account id), and ending them. A session is named to the citizen by a keyed hash of its id, never
 * by the id itself, which is as good as the session cookie.
 */
@Service
class CitizenSessions {

  /** One signed-in session as the citizen sees it. */
  record ActiveSession(
      String handle,
      Optional<String> device,
      String clientAddress,
      Instant startedAt,
      Instant lastActiveAt,
      boolean current) {}

  private final FindByIndexNameSessionRepository<? extends Session> store;
  private final Accounts accounts;
  private final SessionLifetime lifetime;
  private final DeviceNames devices;
  private final OneTimeSecrets secrets;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CitizenSessions(
      FindByIndexNameSessionRepository<? extends Session> store,
      Accounts accounts,
      SessionLifetime lifetime,
      DeviceNames devices,
      OneTimeSecrets secrets,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.lifetime = lifetime;
    this.devices = devices;
    this.secrets = secrets;
    this.events = events;
    this.clock = clock;
  }

  /** The account of the signed-in citizen of this request (the paths require a sign-in). */
  static UUID signedInAccount() {
    return Citizen.current().orElseThrow().accountId();
  }

  /** The account's sessions that are still valid: this one first, then the most recently active. */
  List<ActiveSession> of(UUID accountId, String currentSessionId) {
    Optional<SessionStanding> standing = accounts.sessionStanding(accountId);
    return signedIn(accountId).entrySet().stream()
        .filter(e -> !lifetime.isOver(citizenOf(e.getValue()).orElseThrow(), standing))
        .map(e -> view(e.getKey(), e.getValue(), e.getKey().equals(currentSessionId)))
        .sorted(
            Comparator.comparing(ActiveSession::current)
                .thenComparing(ActiveSession::lastActiveAt)
                .reversed())
        .toList();
  }

  /** Ends one session of the account; false when the account has no session of that name. */
  boolean end(UUID accountId, String handle) {
    Optional<String> id =
        signedIn(accountId).keySet().stream().filter(sessionId -> handle(sessionId).equals(handle)).findFirst();
    id.ifPresent(
        sessionId -> {
          store.deleteById(sessionId);
          events.publishEvent(new SessionsEnded(accountId, Occurrence.at(clock.instant())));
        });
    return id.isPresent();
  }

  /** Ends every session of the account but the current one. */
  void endOthers(UUID accountId, String currentSessionId) {
    List<String> others = signedIn(accountId).keySet().stream().filter(sessionId -> !sessionId.equals(currentSessionId)).toList();
    others.forEach(store::deleteById);
    if (!others.isEmpty()) {
      events.publishEvent(new SessionsEnded(accountId, Occurrence.at(clock.instant())));
    }
  }

  /**
   * Deletes every session stored under the account, however it stands (with its details: browser
   * and address), e.g. once the account is deleted; its browsers are signed out at once.
   */
  void endAll(UUID accountId) {
    store.findByPrincipalName(accountId.toString()).keySet().forEach(store::deleteById);
  }

  private Map<String, Session> signedIn(UUID accountId) {
    Map<String, Session> sessions = new LinkedHashMap<>();
    store.findByPrincipalName(accountId.toString())
        .forEach((id, session) -> citizenOf(session).ifPresent(citizen -> sessions.put(id, session)));
    return sessions;
  }

  private ActiveSession view(String sessionId, Session session, boolean current) {
    Citizen citizen = citizenOf(session).orElseThrow();
    SessionDetails details = session.getAttribute(SessionDetails.ATTRIBUTE);
    return new ActiveSession(
        handle(sessionId),
        details == null ? Optional.empty() : devices.describe(details.userAgent()),
        details == null ? null : details.clientAddress(),
        citizen.signedInAt(),
        session.getLastAccessedTime(),
        current);
  }

  private static Optional<Citizen> citizenOf(Session session) {
    SecurityContext context =
        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    return context != null && context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof Citizen citizen
        ? Optional.of(citizen)
        : Optional.empty();
  }

  private String handle(String sessionId) {
    return secrets.hash("session:" + sessionId).substring(0, 32);
  }
}
