package org.propusk.federation.internal.clients;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.propusk.account.AccountLevel;
import org.propusk.federation.internal.claims.ClaimCatalogue;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Violation;
import org.propusk.shared.TextLimit;

/**
 * A relying party's registration as an administrator typed it in the admin pages. {@link #check}
 * applies every rule and reports every broken one next to its field, or gives the {@link Client} to
 * store. Checkboxes that were not ticked arrive as null.
 */
public record ClientForm(
    String clientId,
    String name,
    String agency,
    String description,
    String homeUrl,
    String redirectUris,
    String postLogoutRedirectUris,
    List<String> scopes,
    String minimumLevel,
    String clientType,
    String authMethod,
    String jwks,
    String jwksUrl,
    String assertionAlg,
    String idTokenAlg,
    Boolean requirePkce,
    Boolean requirePar,
    Boolean consentRequired,
    String backchannelLogoutUri) {

  /**
   * The scopes an administrator may allow, in the order shown; {@code openid} is always allowed.
   * Those of the claim catalogue, so that a client is never allowed a scope that releases nothing.
   */
  public static final List<String> SCOPES = ClaimCatalogue.scopes();

  public static final List<String> ASSERTION_ALGORITHMS = List.of("ES256", "RS256", "PS256");
  public static final List<String> ID_TOKEN_ALGORITHMS = List.of("ES256", "RS256");
  static final String SECRET_BASIC = "client_secret_basic";
  static final String PRIVATE_KEY_JWT = "private_key_jwt";
  static final String NONE = "none";

  private static final int MAX_URIS = 20;
  private static final int MIN_RSA_BITS = 2048;

  public ClientForm {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** What the form of a new client starts with: the safe choices. */
  public static ClientForm blank() {
    return new ClientForm(
        null, null, null, null, null, null, null, List.of("openid"), "simplified", "confidential", SECRET_BASIC, null, null,
        "ES256", "ES256", true, false, true, null);
  }

  /** The form showing a stored client. */
  static ClientForm of(Client client) {
    return new ClientForm(
        client.clientId(),
        client.name(),
        client.agency(),
        client.description(),
        client.homeUrl(),
        String.join("\n", client.redirectUris()),
        String.join("\n", client.postLogoutRedirectUris()),
        List.copyOf(client.scopes()),
        client.minimumLevel().apiName(),
        client.confidential() ? "confidential" : "public",
        client.confidential() ? client.authMethod() : SECRET_BASIC,
        client.jwks(),
        client.jwksUrl(),
        client.assertionAlg() == null ? "ES256" : client.assertionAlg(),
        client.idTokenAlg(),
        client.requirePkce(),
        client.requirePar(),
        client.consentRequired(),
        client.backchannelLogoutUri());
  }

  /** The same form for a stored client, whose id does not change. */
  ClientForm withClientId(String id) {
    return new ClientForm(
        id, name, agency, description, homeUrl, redirectUris, postLogoutRedirectUris, scopes, minimumLevel, clientType, authMethod,
        jwks, jwksUrl, assertionAlg, idTokenAlg, requirePkce, requirePar, consentRequired, backchannelLogoutUri);
  }

  public boolean ticked(String scope) {
    return scopes.contains(scope);
  }

  /** A registration that passed every rule, as it is stored. */
  record Client(
      String clientId,
      String name,
      String agency,
      String description,
      String homeUrl,
      List<String> redirectUris,
      List<String> postLogoutRedirectUris,
      Set<String> scopes,
      AccountLevel minimumLevel,
      boolean confidential,
      String authMethod,
      String jwks,
      String jwksUrl,
      String assertionAlg,
      String idTokenAlg,
      boolean requirePkce,
      boolean requirePar,
      boolean consentRequired,
      String backchannelLogoutUri) {}

  /**
   * Every rule at once.
   *
   * @param newClient whether the client id is being chosen (it cannot change later)
   * @throws InvalidInput with a violation per broken rule, by field
   */
  Client check(boolean newClient) {
    List<Violation> violations = new ArrayList<>();
    if (newClient) {
      text(violations, "clientId", clientId, TextLimit.CLIENT_ID.max(), true);
      if (clientId != null && !clientId.isBlank() && !clientId.strip().matches("[A-Za-z0-9._-]{3,100}")) {
        violations.add(new Violation("clientId", "client_id_format"));
      }
    }
    text(violations, "name", name, TextLimit.CLIENT_NAME.max(), true);
    text(violations, "agency", agency, TextLimit.CLIENT_AGENCY.max(), true);
    text(violations, "description", description, TextLimit.CLIENT_DESCRIPTION.max(), false);
    String home = null;
    if (homeUrl != null && !homeUrl.isBlank()) {
      home = uri(violations, "homeUrl", homeUrl.strip(), true);
    }
    List<String> redirects = uris(violations, "redirectUris", redirectUris, true);
    List<String> postLogout = uris(violations, "postLogoutRedirectUris", postLogoutRedirectUris, false);
    Set<String> allowed = new LinkedHashSet<>();
    allowed.add("openid");
    for (String scope : scopes) {
      if (SCOPES.contains(scope)) {
        allowed.add(scope);
      } else {
        violations.add(new Violation("scopes", "unknown_scope"));
      }
    }
    AccountLevel level =
        Arrays.stream(AccountLevel.values()).filter(l -> l.apiName().equals(minimumLevel)).findFirst().orElse(null);
    if (level == null) {
      violations.add(new Violation("minimumLevel", "required"));
    }
    boolean confidential = !"public".equals(clientType);
    if (!"confidential".equals(clientType) && !"public".equals(clientType)) {
      violations.add(new Violation("clientType", "required"));
    }
    String method = confidential ? authMethod : NONE;
    String keys = null;
    String keysUrl = null;
    String assertion = null;
    if (confidential && !SECRET_BASIC.equals(method) && !PRIVATE_KEY_JWT.equals(method)) {
      violations.add(new Violation("authMethod", "required"));
    }
    if (PRIVATE_KEY_JWT.equals(method)) {
      if (!ASSERTION_ALGORITHMS.contains(assertionAlg)) {
        violations.add(new Violation("assertionAlg", "required"));
      } else {
        assertion = assertionAlg;
      }
      boolean pasted = jwks != null && !jwks.isBlank();
      boolean atUrl = jwksUrl != null && !jwksUrl.isBlank();
      if (pasted && atUrl) {
        violations.add(new Violation("jwks", "jwks_or_url"));
      } else if (!pasted && !atUrl) {
        violations.add(new Violation("jwks", "jwks_required"));
      } else if (pasted) {
        keys = publicKeys(violations, assertion);
      } else {
        keysUrl = uri(violations, "jwksUrl", jwksUrl.strip(), false);
      }
    }
    if (!ID_TOKEN_ALGORITHMS.contains(idTokenAlg)) {
      violations.add(new Violation("idTokenAlg", "required"));
    }
    String backchannel = null;
    if (backchannelLogoutUri != null && !backchannelLogoutUri.isBlank()) {
      backchannel = uri(violations, "backchannelLogoutUri", backchannelLogoutUri.strip(), true);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return new Client(
        newClient ? clientId.strip() : clientId,
        name.strip(),
        agency.strip(),
        description == null || description.isBlank() ? null : description.strip(),
        home,
        redirects,
        postLogout,
        allowed,
        level,
        confidential,
        method,
        keys,
        keysUrl,
        assertion,
        idTokenAlg,
        // public clients have nothing but PKCE to prove the code
        !confidential || Boolean.TRUE.equals(requirePkce),
        Boolean.TRUE.equals(requirePar),
        Boolean.TRUE.equals(consentRequired),
        backchannel);
  }

  private static void text(List<Violation> violations, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new Violation(field, "required"));
      }
    } else if (value.strip().length() > max) {
      violations.add(new Violation(field, "too_long"));
    }
  }

  private static List<String> uris(List<Violation> violations, String field, String lines, boolean required) {
    List<String> uris =
        lines == null ? List.of() : lines.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
    if (uris.isEmpty() && required) {
      violations.add(new Violation(field, "required"));
    }
    if (uris.size() > MAX_URIS) {
      violations.add(new Violation(field, "too_many"));
    }
    int before = violations.size();
    for (String uri : uris) {
      uri(violations, field, uri, true);
      if (violations.size() > before) {
        break; // one message per field: the first bad line
      }
    }
    return uris;
  }

  /**
   * An absolute address without fragment or user part, compared later exactly as typed: https, or
   * http to the device itself (a loopback address, RFC 8252).
   */
  private static String uri(List<Violation> violations, String field, String uri, boolean loopbackHttp) {
    if (uri.length() > TextLimit.CLIENT_URI.max()) {
      violations.add(new Violation(field, "too_long"));
      return null;
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      violations.add(new Violation(field, "uri_invalid"));
      return null;
    }
    if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getRawUserInfo() != null) {
      violations.add(new Violation(field, "uri_absolute"));
    } else if (parsed.getRawFragment() != null) {
      violations.add(new Violation(field, "uri_fragment"));
    } else if (!"https".equals(parsed.getScheme())
        && !(loopbackHttp && "http".equals(parsed.getScheme()) && loopback(parsed.getHost()))) {
      violations.add(new Violation(field, "uri_https"));
    } else {
      return uri;
    }
    return null;
  }

  private static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
  }

  /** The pasted JWK set with public keys only; private or shared-secret members are refused, not dropped. */
  private String publicKeys(List<Violation> violations, String algorithm) {
    if (jwks.length() > TextLimit.CLIENT_JWKS.max()) {
      violations.add(new Violation("jwks", "too_long"));
      return null;
    }
    JWKSet set;
    try {
      set = JWKSet.parse(jwks.strip());
    } catch (ParseException | RuntimeException notAKeySet) {
      violations.add(new Violation("jwks", "jwks_invalid"));
      return null;
    }
    if (set.getKeys().isEmpty()) {
      violations.add(new Violation("jwks", "jwks_invalid"));
      return null;
    }
    if (set.getKeys().stream().anyMatch(key -> key.isPrivate() || key.toPublicJWK() == null)) {
      violations.add(new Violation("jwks", "jwks_private"));
      return null;
    }
    if (algorithm != null && set.getKeys().stream().noneMatch(key -> signsWith(key, algorithm))) {
      violations.add(new Violation("jwks", "jwks_no_key"));
      return null;
    }
    return set.toString(true);
  }

  private static boolean signsWith(JWK key, String algorithm) {
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return false;
    }
    if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(algorithm)) {
      return false;
    }
    return switch (algorithm) {
      case "ES256" -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
      case "RS256", "PS256" -> key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS;
      default -> false;
    };
  }
}
