package org.propusk.federation.internal.logout;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.propusk.account.AccountDeleted;
import org.propusk.account.PasswordChanged;
import org.propusk.authentication.SessionsEnded;
import org.propusk.authentication.SignedOutEvent;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * When browser sessions end, the services that were given tokens in them hear of it (OpenID
 * Connect Back-Channel Logout 1.0) and the tokens they were given in them stop working. Sessions end at
 * a sign-out (this browser's session), a password change or recovery (every other session of the
 * account), the citizen's ending them from the sessions list (one, or all others, also when a
 * second factor is turned on) and the account's deletion (all of them). The listeners run in the publishing request
 * and transaction: the request tells which session is this browser's, and a delivery is scheduled
 * only if the change is committed. Each delivery is a durable job ({@link LogoutTokenDelivery}).
 */
@Component
class BackChannelLogout {

  private final OidcSessions sessions;
  private final ClientRegistry clients;
  private final JdbcClient jdbc;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final OneTimeTask<LogoutTokenDelivery.Delivery> delivery;
  private final Clock clock;
  private final Duration absoluteTimeout;
  private final FindByIndexNameSessionRepository<? extends Session> store;

  BackChannelLogout(
      OidcSessions sessions,
      ClientRegistry clients,
      JdbcClient jdbc,
      ObjectProvider<SchedulerClient> scheduler,
      OneTimeTask<LogoutTokenDelivery.Delivery> backChannelLogoutTask,
      Clock clock,
      @Value("${propusk.session.absolute-timeout}") Duration absoluteTimeout,
      FindByIndexNameSessionRepository<? extends Session> store) {
    this.sessions = sessions;
    this.clients = clients;
    this.jdbc = jdbc;
    this.scheduler = scheduler;
    this.delivery = backChannelLogoutTask;
    this.clock = clock;
    this.absoluteTimeout = absoluteTimeout;
    this.store = store;
  }

  @EventListener
  void signedOut(SignedOutEvent event) {
    sessions.currentSid(event.accountId()).ifPresent(sid -> end(event.accountId(), List.of(sid)));
  }

  /** Every session of the account but this browser's (which proved the new password) is over. */
  @EventListener
  void passwordChanged(PasswordChanged event) {
    Optional<String> current = sessions.currentSid(event.accountId());
    end(
        event.accountId(),
        sessions.sidsOf(event.accountId(), clock.instant().minus(absoluteTimeout)).stream()
            .filter(sid -> current.filter(sid::equals).isEmpty())
            .toList());
  }

  /**
   * The citizen ended sessions from the sessions list: the account's sids whose browser session is
   * no longer in the store are over (the sid lives in the session, so what is left names the rest).
   */
  @EventListener
  void sessionsEnded(SessionsEnded event) {
    Set<String> alive =
        store.findByPrincipalName(event.accountId().toString()).values().stream()
            .map(session -> session.getAttribute(OidcSessions.ATTRIBUTE))
            .filter(OidcSessions.BrowserSession.class::isInstance)
            .map(session -> ((OidcSessions.BrowserSession) session).sid())
            .collect(Collectors.toSet());
    end(
        event.accountId(),
        sessions.sidsOf(event.accountId(), clock.instant().minus(absoluteTimeout)).stream().filter(sid -> !alive.contains(sid)).toList());
  }

  @EventListener
  void accountDeleted(AccountDeleted event) {
    end(event.accountId(), sessions.sidsOf(event.accountId(), Instant.EPOCH));
    jdbc.sql("delete from oauth2_authorization where principal_name = :account")
        .param("account", event.accountId().toString())
        .update();
  }

  private void end(UUID accountId, List<String> sids) {
    Instant now = clock.instant();
    for (String sid : sids) {
      // tokens end with the session they were given in; those of the account's other sessions stay
      sessions.endAuthorizations(sid);
      for (String clientId : sessions.clientsOf(sid)) {
        RegisteredClient client = clients.findById(clientId);
        if (client != null && client.getClientSettings().getSetting(ClientRegistry.BACKCHANNEL_LOGOUT_URI) != null) {
          LogoutTokenDelivery.Delivery job = new LogoutTokenDelivery.Delivery(clientId, accountId, sid, now);
          // the job runner's own time, as for its retries; the domain clock decides when to give up
          scheduler.getObject().scheduleIfNotExists(delivery.instance(sid + ":" + clientId, job), Instant.now());
        }
      }
      sessions.forget(sid);
    }
  }
}
