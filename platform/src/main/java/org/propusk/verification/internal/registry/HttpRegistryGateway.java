package org.propusk.verification.internal.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Both registries through an external registry gateway (for example a СМЭВ adapter) that speaks a
 * small JSON contract:
 *
 * <ul>
 *   <li>{@code POST {baseUrl}/sfr/snils-checks} with {@code {"snils", "lastName", "firstName",
 *       "patronymic" (or null), "birthDate"}};
 *   <li>{@code POST {baseUrl}/mvd/passport-checks} with {@code {"series", "number", "issuedOn",
 *       "divisionCode", "lastName", "firstName", "patronymic" (or null), "birthDate"}};
 *   <li>{@code POST {baseUrl}/mvd/registration-checks} with {@code {"series", "number",
 *       "lastName", "firstName", "patronymic" (or null), "birthDate", "postalIndex", "region" (the
 *       two-digit code of the subject), "district", "settlement", "street", "house", "building",
 *       "flat"}} (district, street, building and flat null when absent): is the person registered
 *       at this address;
 *   <li>dates as {@code yyyy-MM-dd}; {@code Authorization: Bearer <token>} when a token is set;
 *   <li>the answer: status 200 with {@code {"result": "verified" | "not_found" | "mismatch"}}
 *       (other fields are ignored).
 * </ul>
 *
 * <p>Anything else (another status, an unreadable or unknown reply, a timeout, a refused
 * connection) throws {@link RegistryUnavailable}, and the check is retried later. Its messages name
 * the registry and what went wrong, never the person's data; the gateway's reply is not quoted
 * either, because a misbehaving gateway may echo the request.
 */
public class HttpRegistryGateway implements PensionFundRegistry, InteriorMinistryRegistry {

  static final String SNILS_CHECKS = "/sfr/snils-checks";
  static final String PASSPORT_CHECKS = "/mvd/passport-checks";
  static final String REGISTRATION_CHECKS = "/mvd/registration-checks";

  private final RestClient client;

  /**
   * @param client already pointed at the gateway's base URL, with its timeouts and credentials; see
   *     {@link #create}
   */
  public HttpRegistryGateway(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * A gateway client at {@code baseUrl} with a bearer token (none if blank) and the given timeouts.
   */
  public static HttpRegistryGateway create(
      RestClient.Builder builder,
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("the registry gateway's base URL is required");
    }
    RestClient.Builder configured =
        builder
            .baseUrl(baseUrl.strip().replaceAll("/+$", ""))
            .requestFactory(
                ClientHttpRequestFactoryBuilder.detect()
                    .build(
                        HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout)));
    if (token != null && !token.isBlank()) {
      configured = configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.strip());
    }
    return new HttpRegistryGateway(configured.build());
  }

  @Override
  public RegistryAnswer checkSnils(SnilsQuery query) {
    return check(
        "SFR",
        SNILS_CHECKS,
        new SnilsCheckRequest(
            query.snils(),
            query.lastName(),
            query.firstName(),
            query.patronymic(),
            iso(query.birthDate())));
  }

  @Override
  public RegistryAnswer checkPassport(PassportQuery query) {
    return check(
        "MVD",
        PASSPORT_CHECKS,
        new PassportCheckRequest(
            query.series(),
            query.number(),
            iso(query.issuedOn()),
            query.divisionCode(),
            query.lastName(),
            query.firstName(),
            query.patronymic(),
            iso(query.birthDate())));
  }

  @Override
  public RegistryAnswer checkRegistration(RegistrationQuery q) {
    return check(
        "MVD",
        REGISTRATION_CHECKS,
        new RegistrationCheckRequest(
            q.series(), q.number(), q.lastName(), q.firstName(), q.patronymic(), iso(q.birthDate()),
            q.postalIndex(), q.region(), q.district(), q.settlement(), q.street(), q.house(),
            q.building(), q.flat()));
  }

  private RegistryAnswer check(String registry, String path, Object request) {
    String result;
    try {
      result =
          client
              .post()
              .uri(path)
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(request)
              .exchange(
                  (req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status != 200) {
                      throw new RegistryUnavailable(
                          registry + " registry gateway answered HTTP " + status);
                    }
                    CheckReply reply = response.bodyTo(CheckReply.class);
                    return reply == null ? null : reply.result();
                  });
    } catch (ResourceAccessException e) {
      // the cause (timeout, refused connection) says what happened and carries no personal data
      throw new RegistryUnavailable(
          registry + " registry gateway unreachable or too slow", e.getCause());
    } catch (RestClientException e) {
      // not chained: a parser's message may quote the reply
      throw new RegistryUnavailable(
          registry
              + " registry gateway sent an unreadable reply ("
              + e.getClass().getSimpleName()
              + ")");
    }
    if (result == null) {
      throw new RegistryUnavailable(registry + " registry gateway sent a reply without a result");
    }
    return switch (result) {
      case "verified" -> RegistryAnswer.VERIFIED;
      case "not_found" -> RegistryAnswer.NOT_FOUND;
      case "mismatch" -> RegistryAnswer.MISMATCH;
      default ->
          throw new RegistryUnavailable(registry + " registry gateway sent an unknown result");
    };
  }

  private static String iso(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** Always with every field, so that "no patronymic" reaches the gateway as an explicit null. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SnilsCheckRequest(
      String snils, String lastName, String firstName, String patronymic, String birthDate) {

    @Override
    public String toString() {
      return "SnilsCheckRequest[***]";
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PassportCheckRequest(
      String series,
      String number,
      String issuedOn,
      String divisionCode,
      String lastName,
      String firstName,
      String patronymic,
      String birthDate) {

    @Override
    public String toString() {
      return "PassportCheckRequest[***]";
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RegistrationCheckRequest(
      String series,
      String number,
      String lastName,
      String firstName,
      String patronymic,
      String birthDate,
      String postalIndex,
      String region,
      String district,
      String settlement,
      String street,
      String house,
      String building,
      String flat) {

    @Override
    public String toString() {
      return "RegistrationCheckRequest[***]";
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CheckReply(String result) {}
}
