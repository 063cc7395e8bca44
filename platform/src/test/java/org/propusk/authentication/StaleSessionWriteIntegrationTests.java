package org.propusk.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A request that read the session before a sign-in (or a sign-out) gave it up, and ends after it,
 * writes what it holds back to the store: the password page's strength meter, still answering
 * when the form is sent, is one. Its write must neither undo the sign-in (the browser signed out on
 * the next page) nor fail.
 */
@PropuskIntegrationTest
class StaleSessionWriteIntegrationTests {

  static final String PASSWORD = "тихая-заводь-у-старой-мельницы-8";

  @LocalServerPort int port;
  @Autowired FindByIndexNameSessionRepository<? extends Session> store;

  @Test
  void aRequestThatReadTheSessionBeforeTheSignInDoesNotUndoIt() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    browser.csrf();
    String before = sessionId(browser);

    StaleRequest stale = StaleRequest.reading(store, before);
    assertThat(browser.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    assertThat(sessionId(browser)).as("a new id at sign-in").isNotEqualTo(before);
    stale.ends();

    assertThat(browser.get("/api/v1/me").status()).as("still signed in").isEqualTo(200);
    assertThat(store.findById(before)).as("the id known before the sign-in is worthless").isNull();
  }

  @Test
  void aRequestThatReadTheSessionBeforeTheSignOutEndsWithoutAnError() {
    String phone = TestAccounts.registerByPhone(port, PASSWORD);
    ApiClient browser = new ApiClient(port);
    assertThat(browser.post("/api/v1/session", Map.of("login", phone, "password", PASSWORD)).status()).isEqualTo(200);
    String signedIn = sessionId(browser);

    StaleRequest stale = StaleRequest.reading(store, signedIn);
    assertThat(browser.delete("/api/v1/session").status()).isEqualTo(204);
    stale.ends();

    assertThat(store.findById(signedIn)).as("the ended session stays ended").isNull();
    assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
  }

  /**
   * A request's own copy of the session: read at its start, written back at its end with an
   * attribute it set again (the CSRF token's) and one it added.
   */
  private record StaleRequest<S extends Session>(FindByIndexNameSessionRepository<S> store, S session) {

    static <S extends Session> StaleRequest<S> reading(FindByIndexNameSessionRepository<S> store, String id) {
      S session = store.findById(id);
      assertThat(session).isNotNull();
      session.setLastAccessedTime(Instant.now());
      return new StaleRequest<>(store, session);
    }

    void ends() {
      String kept = session.getAttributeNames().iterator().next();
      session.setAttribute(kept, session.getAttribute(kept));
      session.setAttribute("stale-request-" + System.nanoTime(), "written at its end");
      store.save(session);
    }
  }

  /** Spring Session's cookie carries the id in base64. */
  private static String sessionId(ApiClient browser) {
    return new String(Base64.getDecoder().decode(browser.cookie("PROPUSK_SESSION").orElseThrow()), StandardCharsets.US_ASCII);
  }
}
