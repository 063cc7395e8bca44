package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.propusk.shared.DbTime;
import org.propusk.test.ApiClient;
import org.propusk.test.MutableClock;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The services catalogue on the home page, over HTTP as a browser asks for it: the seeded entries
 * and the registered portals, open or locked for the citizen's level, a locked one naming the step
 * that opens it; visitors see the level each needs; portal logos are served as images only.
 */
@PropuskIntegrationTest
class ServicesCatalogueIntegrationTests {

  static final String PASSWORD = "медленный-ветер-в-поле-4";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  final List<String> portals = new ArrayList<>();

  @AfterEach
  void removePortals() {
    portals.forEach(id -> jdbc.sql("delete from federation_client where client_id = :id").param("id", id).update());
  }

  /** One service of the page: its element's attributes and content. */
  record Shown(String key, String open, String html) {
    boolean linksTo(String url) {
      return html.contains("href=\"" + url + "\"");
    }
  }

  @Test
  void aSimplifiedCitizenSeesStandardAndConfirmedServicesLockedWithTheStepThatOpensThem() {
    String portal = portal("confirmed", "https://court.example/", "image/png");
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    String page = home(citizen, "/");
    Map<String, Shown> services = services(page);

    // the seeded catalogue: at least 20 services, across the three levels
    assertThat(levelsOfGroups(page)).containsExactly("simplified", "standard", "confirmed");
    assertThat(services.keySet().stream().filter(k -> !k.startsWith("test-") && !k.startsWith("demo-") && !k.startsWith("portal-")))
        .hasSizeGreaterThanOrEqualTo(20);

    Shown fines = services.get("traffic-fines");
    assertThat(fines.open()).isEqualTo("true");
    assertThat(fines.linksTo("https://xn--90adear.xn--p1ai/check/fines")).isTrue();
    assertThat(fines.html()).contains("Штрафы ГИБДД: проверка и оплата", "Госавтоинспекция МВД России", "Доступна вам");

    Shown doctor = services.get("doctor-appointment");
    assertThat(doctor.open()).isEqualTo("false");
    assertThat(doctor.linksTo("https://emias.info/")).isFalse();
    assertThat(doctor.html()).contains("Запись к врачу", "Нужна стандартная учётная запись");
    assertThat(stepsOfGroup(page, "standard")).containsExactly("profile:/profile");

    Shown voting = services.get("e-voting");
    assertThat(voting.open()).isEqualTo("false");
    assertThat(voting.linksTo("https://vybory.gov.ru/")).isFalse();
    assertThat(voting.html()).contains("Электронное голосование", "Нужна подтверждённая учётная запись");
    assertThat(stepsOfGroup(page, "confirmed"))
        .containsExactly("profile:/profile", "confirmation:/account/confirmation-ways");
    assertThat(page).contains("Заполните «Мои данные»", "Подтвердите личность");

    // a registered portal: its own level, logo and steps; the test client without a start page is listed, unlinked
    Shown court = services.get(portal);
    assertThat(court.open()).isEqualTo("false");
    assertThat(court.linksTo("https://court.example/")).isFalse();
    assertThat(court.html())
        .contains("Портал мировых судей", "Судебный департамент", "src=\"/catalogue/logos/" + portal + "\"")
        .contains("data-step=\"profile\"", "data-step=\"confirmation\"");
    Shown testRp = services.get("test-rp");
    assertThat(testRp.open()).isEqualTo("true");
    assertThat(testRp.html()).contains("Тестовый портал").doesNotContain("href=");
  }

  @Test
  void openPortalsLinkToTheirStartPage() {
    String portal = portal("simplified", "https://housing.example/start", null);
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    Shown shown = services(home(citizen, "/")).get(portal);

    assertThat(shown.open()).isEqualTo("true");
    assertThat(shown.linksTo("https://housing.example/start")).isTrue();
    assertThat(shown.html()).doesNotContain("<img").doesNotContain("data-step");
  }

  @Test
  void theCatalogueSpeaksEnglishToo() {
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), PASSWORD);

    String page = home(citizen, "/?lang=en");
    Map<String, Shown> services = services(page);

    assertThat(services.get("e-voting").html()).contains("Electronic voting", "Needs a Confirmed account");
    assertThat(services.get("traffic-fines").html()).contains("Traffic fines: check and pay", "Open to you");
    assertThat(page).contains("Fill in “My data”", "Confirm your identity");
  }

  @Test
  void aVisitorSeesTheLevelEachServiceNeedsAndTheWayToSignIn() {
    ApiClient visitor = new ApiClient(port);

    String page = home(visitor, "/");
    Map<String, Shown> services = services(page);

    assertThat(services.get("e-voting").open()).isNull();
    assertThat(services.get("e-voting").html()).contains("Нужна подтверждённая учётная запись");
    assertThat(services.get("traffic-fines").html()).contains("Нужна упрощённая учётная запись");
    assertThat(services.values()).allSatisfy(s -> assertThat(s.html()).doesNotContain("data-step"));
    assertThat(page).contains("Войдите, чтобы увидеть, что доступно вам.");
  }

  @Test
  void portalLogosAreServedAsImagesAndNothingElse() {
    String png = portal("simplified", null, "image/png");
    String svg = portal("simplified", null, "image/svg+xml");
    ApiClient visitor = new ApiClient(port);

    ApiClient.Response logo = visitor.get("/catalogue/logos/" + png);
    assertThat(logo.status()).isEqualTo(200);
    assertThat(logo.contentType()).isEqualTo("image/png");
    assertThat(logo.header("X-Content-Type-Options")).contains("nosniff");

    // an SVG can carry script: neither served nor shown
    assertThat(visitor.get("/catalogue/logos/" + svg).status()).isEqualTo(404);
    assertThat(services(home(visitor, "/")).get(svg).html()).doesNotContain("<img");
    assertThat(visitor.get("/catalogue/logos/no-such-client").status()).isEqualTo(404);
    jdbc.sql("update federation_client set active = false where client_id = :id").param("id", png).update();
    assertThat(visitor.get("/catalogue/logos/" + png).status()).isEqualTo(404);
  }

  /** A registered portal as an administrator would enter it (the admin pages are another step). */
  private String portal(String level, String homeUrl, String logoType) {
    String clientId = "portal-" + UUID.randomUUID();
    jdbc.sql(
            "insert into federation_client (id, client_id, name, confidential, require_pkce, consent_required, id_token_alg,"
                + " active, created_at, updated_at, agency, description, minimum_level, home_url, logo, logo_type, auth_method)"
                + " values (:id, :clientId, 'Портал мировых судей', false, true, false, 'ES256', true, :now, :now,"
                + " 'Судебный департамент', 'Иски и жалобы онлайн', :level, :homeUrl, :logo, :logoType, 'none')")
        .param("id", UUID.randomUUID())
        .param("clientId", clientId)
        .param("now", DbTime.of(clock.instant()))
        .param("level", level)
        .param("homeUrl", homeUrl)
        .param("logo", logoType == null ? null : PNG)
        .param("logoType", logoType)
        .update();
    portals.add(clientId);
    return clientId;
  }

  private static String home(ApiClient client, String path) {
    ApiClient.Response page = Pages.page(client, path);
    assertThat(page.status()).isEqualTo(200);
    return page.raw().body();
  }

  private static final Pattern SERVICE =
      Pattern.compile("<li class=\"service[^\"]*\" data-service=\"([^\"]+)\"(?: data-open=\"([a-z]+)\")?>(.*?)</li>\\s*(?=<li class=\"service|</ul>)", Pattern.DOTALL);

  private static Map<String, Shown> services(String page) {
    Map<String, Shown> services = new java.util.LinkedHashMap<>();
    Matcher m = SERVICE.matcher(page);
    while (m.find()) {
      services.put(m.group(1), new Shown(m.group(1), m.group(2), m.group(3)));
    }
    assertThat(services).as(page).isNotEmpty();
    return services;
  }

  private static List<String> levelsOfGroups(String page) {
    return Pattern.compile("data-level=\"([a-z]+)\"").matcher(page).results().map(r -> r.group(1)).toList();
  }

  /** The steps named at the head of a level's group, as {@code key:page}. */
  private static List<String> stepsOfGroup(String page, String level) {
    int start = page.indexOf("data-level=\"" + level + "\"");
    String head = page.substring(start, page.indexOf("<ul class=\"services\">", start));
    return Pattern.compile("<a href=\"([^\"]+)\" data-step=\"([a-z]+)\"").matcher(head).results()
        .map(r -> r.group(2) + ":" + r.group(1))
        .toList();
  }
}
