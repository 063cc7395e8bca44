package org.propusk.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.test.RelyingParty.RP;
import static org.propusk.test.RelyingParty.RP_CALLBACK;
import static org.propusk.test.RelyingParty.pathOf;

import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.propusk.test.ApiClient;
import org.propusk.test.Pages;
import org.propusk.test.PropuskIntegrationTest;
import org.propusk.test.TestAccounts;
import org.propusk.test.TestContacts;

/**
 * The 400 page of an authorization request that cannot be answered with a redirect names the
 * parameter at fault, as the OpenID conformance suite's reviewers (and relying parties'
 * developers) need it, and reflects nothing else of the request.
 */
@PropuskIntegrationTest
class AuthorizationErrorPageTests extends RelyingPartyTestSupport {


  @Test
  void anUnregisteredRedirectUriIsNamed() {
    String page = refused(new ApiClient(port), authorize(RP, URI.create("https://rp.example/callback/elsewhere")));

    assertThat(page).contains("<h1>Некорректный запрос</h1>");
    assertThat(refusedParameter(page)).isEqualTo("Параметр запроса redirect_uri отсутствует, неверен или не разрешён для этого сервиса.");
  }

  @Test
  void aMissingResponseTypeIsNamedInEnglishToo() {
    String path =
        "/oauth2/authorize?client_id=test-rp&scope=openid&state=s1&redirect_uri="
            + URLEncoder.encode(RP_CALLBACK.toString(), StandardCharsets.UTF_8);

    assertThat(refusedParameter(refused(new ApiClient(port), path))).contains(" response_type ");
    ApiClient english = new ApiClient(port);
    Pages.page(english, "/?lang=en"); // the language cookie, as the switch on every page sets it
    assertThat(refusedParameter(refused(english, path)))
        .isEqualTo("The request parameter response_type is missing, wrong, or not allowed for this service.");
  }

  @Test
  void anUnknownClientIsNamedAndWhatItSentIsNotReflected() {
    String page = refused(new ApiClient(port), authorize(new ClientID("<script>alert(1)</script>"), RP_CALLBACK));

    assertThat(refusedParameter(page)).contains(" client_id ");
    assertThat(page).doesNotContain("<script>alert").doesNotContain("&lt;script&gt;").doesNotContain("alert(1)");
  }

  @Test
  void anUnusablePushedRequestIsNamed() {
    String path = "/oauth2/authorize?client_id=test-rp&request_uri=" + URLEncoder.encode("urn:ietf:params:oauth:request_uri:nothing", StandardCharsets.UTF_8);

    assertThat(refusedParameter(refused(new ApiClient(port), path))).contains(" request_uri ");
  }

  @Test
  void otherBadRequestsNameNoParameter() {
    // refused by the consent page (no such waiting request), not by the authorization server
    ApiClient citizen = TestAccounts.registerByPhone(port, TestContacts.phone(), "синий-кит-в-тихом-море-8");
    ApiClient.Response answer = Pages.page(citizen, "/oauth2/consent?client_id=test-rp&state=nothing");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw().body()).contains("<h1>Некорректный запрос</h1>").doesNotContain("refused-parameter");
  }

  private String authorize(ClientID client, URI redirect) {
    return pathOf(
        rp.authorize(client, redirect, "openid", new State(), new Nonce(), new CodeVerifier(), CodeChallengeMethod.S256)
            .build()
            .toURI());
  }

  /** The error page, checked to be one: 400, HTML, no redirect. */
  private static String refused(ApiClient browser, String path) {
    ApiClient.Response answer = Pages.page(browser, path);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.header("Location")).isEmpty();
    assertThat(answer.contentType()).startsWith("text/html");
    return answer.raw().body();
  }

  private static String refusedParameter(String page) {
    int start = page.indexOf("<p id=\"refused-parameter\">");
    assertThat(start).as(page).isNotNegative();
    return page.substring(page.indexOf('>', start) + 1, page.indexOf("</p>", start));
  }
}
