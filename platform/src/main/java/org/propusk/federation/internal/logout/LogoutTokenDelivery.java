package org.propusk.federation.internal.logout;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.propusk.federation.internal.clients.ClientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * One service told that a session ended: a logout token (OpenID Connect Back-Channel Logout 1.0,
 * section 2.4: typed {@code logout+jwt}, {@code sub} and {@code sid}, the logout event, no {@code
 * nonce}, valid for 2 minutes) signed like the client's ID tokens and POSTed to its registered
 * back-channel logout URI. A fresh token per attempt, each attempt at most 5 s; while the service
 * does not answer 2xx the job is retried with back-off, and given up one hour after the session
 * ended. A 4xx other than 408 and 429 says the service refused the token: retrying would not help.
 */
@Component
class LogoutTokenDelivery {

  static final String TASK = "back-channel-logout";
  static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(LogoutTokenDelivery.class);

  /** The job's data: which service, for which account and session, and when the session ended. */
  record Delivery(String registeredClientId, UUID accountId, String sid, Instant endedAt) {}

  private final ClientRegistry clients;
  private final JwtEncoder encoder;
  private final String issuer;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  LogoutTokenDelivery(ClientRegistry clients, JwtEncoder encoder, AuthorizationServerSettings server, Clock clock) {
    this.clients = clients;
    this.encoder = encoder;
    this.issuer = server.getIssuer();
    this.clock = clock;
  }

  void deliver(Delivery delivery) throws IOException, InterruptedException {
    RegisteredClient client = clients.findById(delivery.registeredClientId());
    String uri = client == null ? null : client.getClientSettings().getSetting(ClientRegistry.BACKCHANNEL_LOGOUT_URI);
    if (uri == null) {
      // unregistered since, or its back-channel URI removed: nobody to tell
      return;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + token(client, delivery)))
        .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 == 2) {
      return;
    }
    if (status / 100 == 4 && status != 408 && status != 429) {
      log.warn("client {} refused the logout token of a session: HTTP {}", client.getClientId(), status);
      return;
    }
    throw new IOException("client " + client.getClientId() + " answered the logout token with HTTP " + status);
  }

  String token(RegisteredClient client, Delivery delivery) {
    Instant now = clock.instant();
    JwsHeader header = JwsHeader.with(algorithm(client)).type("logout+jwt").build();
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(issuer)
        .audience(List.of(client.getClientId()))
        .issuedAt(now)
        .expiresAt(now.plus(TOKEN_LIFETIME))
        .id(UUID.randomUUID().toString())
        .subject(delivery.accountId().toString())
        .claim("sid", delivery.sid())
        .claim("events", Map.of(EVENT, Map.of()))
        .build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** Signed as the client's ID tokens are, so that it checks them with the key it already uses. */
  private static SignatureAlgorithm algorithm(RegisteredClient client) {
    SignatureAlgorithm algorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
    return algorithm != null ? algorithm : SignatureAlgorithm.ES256;
  }

  @Configuration(proxyBeanMethods = false)
  static class Task {

    @Bean
    OneTimeTask<Delivery> backChannelLogoutTask(
        LogoutTokenDelivery deliveries,
        Clock clock,
        @Value("${propusk.federation.backchannel-logout.first-retry}") Duration firstRetry,
        @Value("${propusk.federation.backchannel-logout.max-retry}") Duration maxRetry,
        @Value("${propusk.federation.backchannel-logout.give-up-after}") Duration giveUpAfter) {
      FailureHandler<Delivery> backOff =
          (complete, operations) -> {
            Delivery delivery = (Delivery) complete.getExecution().taskInstance.getData();
            if (!clock.instant().isBefore(delivery.endedAt().plus(giveUpAfter))) {
              log.warn("gave up telling client {} that a session ended", delivery.registeredClientId());
              operations.remove();
              return;
            }
            int failures = complete.getExecution().consecutiveFailures + 1;
            Duration wait = firstRetry.multipliedBy(1L << Math.min(failures - 1, 20));
            operations.reschedule(complete, complete.getTimeDone().plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait));
          };
      return Tasks.oneTime(TASK, Delivery.class)
          .onFailure(backOff)
          .execute((instance, context) -> {
            try {
              deliveries.deliver(instance.getData());
            } catch (IOException e) {
              throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          });
    }
  }
}
