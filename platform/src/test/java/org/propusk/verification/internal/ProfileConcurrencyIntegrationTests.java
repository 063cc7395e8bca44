package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.propusk.identifiers.Snils;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Saves of "Мои данные" that meet (issue 15): two accounts claiming one SNILS at once, over the
 * API and the form, and saves of one profile from an outdated version.
 */
@PropuskIntegrationTest
class ProfileConcurrencyIntegrationTests {

  static final String PASSWORD = "зелёный-чай-на-веранде-5";

  @LocalServerPort int port;

  @Test
  void twoAccountsClaimingOneSnilsAtOnceLeaveTheLoserWithTheTakenError() throws Exception {
    ApiClient first = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    ApiClient second = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < 6; round++) {
        Map<String, String> profile = withoutDocuments();
        profile.put("snils", randomSnils());
        // the form and the API meet in every other round
        boolean byForm = round % 2 == 1;
        CyclicBarrier together = new CyclicBarrier(2);
        Future<ApiClient.Response> one = threads.submit(() -> {
          together.await();
          return first.put("/api/v1/profile", profile);
        });
        Future<ApiClient.Response> other = threads.submit(() -> {
          together.await();
          return byForm ? Pages.form(second, "/profile", profile) : second.put("/api/v1/profile", profile);
        });
        List<ApiClient.Response> answers = List.of(one.get(), other.get());
        List<Integer> statuses = answers.stream().map(ApiClient.Response::status).toList();
        // the winner is saved (the form redirects), the loser told the number is taken
        assertThat(statuses).as("round " + round + " " + answers).containsAnyOf(200, 302).contains(422).hasSize(2);
        ApiClient.Response loser = answers.stream().filter(a -> a.status() == 422).findFirst().orElseThrow();
        if (loser.contentType().startsWith("application/problem+json")) {
          assertThat(loser.json().get("errors").get(0).get("field").asString()).isEqualTo("snils");
          assertThat(loser.json().get("errors").get(0).get("code").asString()).isEqualTo("taken");
        } else {
          assertThat(loser.raw().body()).contains("id=\"snils-error\"");
        }
      }
    }
  }

  @Test
  void aSaveFromAnOutdatedVersionIsAConflictOverTheApi() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, Object> profile = new HashMap<>(withoutDocuments());
    profile.put("version", 0);
    ApiClient.Response saved = citizen.put("/api/v1/profile", profile);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().get("version").asLong()).isEqualTo(0);

    profile.put("birthPlace", "г. Тверь");
    ApiClient.Response again = citizen.put("/api/v1/profile", profile);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("version").asLong()).isEqualTo(1);

    // another tab still holds version 1 and saves after this one
    profile.put("version", 1);
    profile.put("birthPlace", "г. Псков");
    assertThat(citizen.put("/api/v1/profile", profile).status()).isEqualTo(200);
    profile.put("birthPlace", "г. Орёл");
    ApiClient.Response stale = citizen.put("/api/v1/profile", profile);
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.text("type")).endsWith("/changed-meanwhile");
    assertThat(citizen.get("/api/v1/profile").text("birthPlace")).isEqualTo("г. Псков");
  }

  @Test
  void aSaveFromAnOutdatedVersionShowsTheCurrentDataOnThePage() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);
    Map<String, String> profile = withoutDocuments();
    assertThat(citizen.put("/api/v1/profile", profile).status()).isEqualTo(200);
    assertThat(Pages.page(citizen, "/profile").raw().body()).contains("name=\"version\" value=\"0\"");

    Map<String, String> elsewhere = new HashMap<>(profile);
    elsewhere.put("birthPlace", "г. Псков");
    assertThat(citizen.put("/api/v1/profile", elsewhere).status()).isEqualTo(200);

    Map<String, String> typed = new HashMap<>(profile);
    typed.put("birthPlace", "г. Орёл");
    typed.put("version", "0");
    ApiClient.Response page = Pages.form(citizen, "/profile", typed);
    assertThat(page.status()).isEqualTo(409);
    assertThat(page.raw().body())
        .contains("Их уже изменили раньше")
        .contains("value=\"г. Псков\"")
        .doesNotContain("value=\"г. Орёл\"")
        .contains("name=\"version\" value=\"1\"");
  }

  private static Map<String, String> withoutDocuments() {
    Map<String, String> profile = new HashMap<>();
    profile.put("lastName", "Козлова");
    profile.put("firstName", "Ирина");
    profile.put("gender", "female");
    profile.put("birthDate", "1990-03-15");
    profile.put("birthPlace", "г. Тула");
    profile.put("citizenship", "RU");
    return profile;
  }

  private static String randomSnils() {
    // above the sandbox dataset's numbers, so that no registry row is taken from other tests
    return Snils.withChecksum(Integer.toString(900_000_000 + ThreadLocalRandom.current().nextInt(99_999_999))).formatted();
  }
}
