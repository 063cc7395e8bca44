package org.propusk.federation.internal.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.federation.ClientSecretIssued;
import org.propusk.federation.RelyingPartyChanged;
import org.propusk.federation.RelyingPartyDeactivated;
import org.propusk.federation.RelyingPartyRegistered;
import org.propusk.shared.DbTime;
import org.propusk.shared.InvalidInput;
import org.propusk.shared.Occurrence;
import org.propusk.shared.Problem;
import org.propusk.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relying parties as administrators register and change them (the admin pages call this). Every
 * change raises the client's {@code version} (so that caches of its keys know), makes this node's
 * {@link ClientRegistry} forget it (other nodes within 30 s) and is published as an event that the
 * audit records with the administrator. A secret is made here, returned once to be shown, and kept
 * only as {@link ClientSecretHasher}'s HMAC. Clients from configuration are applied at every start
 * ({@link ConfiguredClients}) and are therefore not changed here.
 */
@Service
public class ClientAdministration {

  /** A registered client as the list shows it. */
  public record Listed(UUID id, String clientId, String name, String agency, String authMethod, boolean active, boolean configured) {}

  /** A registered client with what the admin pages show beside its form. */
  public record Stored(UUID id, ClientForm.Client client, boolean active, boolean configured, int version, Instant secretIssuedAt, boolean hasLogo) {}

  /** A change that produced a secret to show once (null when none was made). */
  public record Outcome(UUID id, String clientId, String name, String secret) {}

  /** A client from configuration: changes would be undone at the next start. */
  public static final class Configured extends Problem {
    Configured() {
      super(409, "client-from-configuration");
    }
  }

  /** A deactivated client stays as it was, for the record. */
  public static final class Inactive extends Problem {
    Inactive() {
      super(409, "client-inactive");
    }
  }

  /** Only a client that authenticates with a secret gets one. */
  public static final class NoSecret extends Problem {
    NoSecret() {
      super(409, "client-without-secret");
    }
  }

  private final JdbcClient jdbc;
  private final ClientRegistry registry;
  private final ClientSecretHasher hasher;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClientAdministration(
      JdbcClient jdbc, ClientRegistry registry, FederationSettings settings, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    // the same key as the client authentication's hasher; neither is a bean (see ClientSecretHasher)
    this.hasher = new ClientSecretHasher(settings.clientSecretKey());
    this.events = events;
    this.clock = clock;
  }

  public List<Listed> list() {
    return jdbc.sql(
            "select id, client_id, name, agency, auth_method, confidential, active, created_by from federation_client"
                + " order by active desc, lower(name), client_id")
        .query(
            (rs, n) ->
                new Listed(
                    rs.getObject("id", UUID.class),
                    rs.getString("client_id"),
                    rs.getString("name"),
                    rs.getString("agency"),
                    rs.getBoolean("confidential") ? rs.getString("auth_method") : ClientForm.NONE,
                    rs.getBoolean("active"),
                    rs.getObject("created_by", UUID.class) == null))
        .list();
  }

  public Optional<Stored> find(UUID id) {
    return jdbc.sql(
            "select id, client_id, name, agency, description, home_url, confidential, auth_method, jwks, jwks_url, assertion_alg,"
                + " id_token_alg, require_pkce, require_par, consent_required, minimum_level, backchannel_logout_uri,"
                + " active, created_by, version, secret_issued_at, logo is not null as has_logo from federation_client"
                + " where id = :id")
        .param("id", id)
        .query(
            (rs, n) -> {
              String clientId = rs.getString("client_id");
              boolean confidential = rs.getBoolean("confidential");
              ClientForm.Client client =
                  new ClientForm.Client(
                      clientId,
                      rs.getString("name"),
                      rs.getString("agency"),
                      rs.getString("description"),
                      rs.getString("home_url"),
                      uris(clientId, "login"),
                      uris(clientId, "post_logout"),
                      new LinkedHashSet<>(scopes(clientId)),
                      AccountLevel.valueOf(rs.getString("minimum_level").toUpperCase(Locale.ROOT)),
                      confidential,
                      confidential ? rs.getString("auth_method") : ClientForm.NONE,
                      rs.getString("jwks"),
                      rs.getString("jwks_url"),
                      rs.getString("assertion_alg"),
                      rs.getString("id_token_alg"),
                      rs.getBoolean("require_pkce"),
                      rs.getBoolean("require_par"),
                      rs.getBoolean("consent_required"),
                      rs.getString("backchannel_logout_uri"));
              return new Stored(
                  rs.getObject("id", UUID.class),
                  client,
                  rs.getBoolean("active"),
                  rs.getObject("created_by", UUID.class) == null,
                  rs.getInt("version"),
                  DbTime.read(rs, "secret_issued_at"),
                  rs.getBoolean("has_logo"));
            })
        .optional();
  }

  /** The logo of an active client, as stored (always PNG). */
  public Optional<byte[]> logo(UUID id) {
    return jdbc.sql("select logo from federation_client where id = :id and active and logo is not null")
        .param("id", id)
        .query((rs, n) -> rs.getBytes("logo"))
        .optional();
  }

  /**
   * Registers a client; a confidential one with a secret gets it here.
   *
   * @param logo the uploaded file, or null
   * @throws InvalidInput for every broken rule, nothing stored
   */
  @Transactional
  public Outcome register(ClientForm form, Upload logo, UUID administrator) {
    ClientForm.Client client = checked(form, logo, true);
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    String secret = ClientForm.SECRET_BASIC.equals(client.authMethod()) ? ClientSecretHasher.newSecret() : null;
    try {
      jdbc.sql(
              "insert into federation_client (id, client_id, name, confidential, secret_hash, secret_issued_at,"
                  + " require_pkce, consent_required, id_token_alg, active, created_at, updated_at, created_by, version)"
                  + " values (:id, :clientId, :name, :confidential, :secretHash, :secretIssuedAt, :requirePkce,"
                  + " :consentRequired, :idTokenAlg, true, :now, :now, :administrator, 1)")
          .param("id", id)
          .param("clientId", client.clientId())
          .param("name", client.name())
          .param("confidential", client.confidential())
          .param("secretHash", secret == null ? null : hasher.encode(secret))
          .param("secretIssuedAt", secret == null ? null : DbTime.of(now))
          .param("requirePkce", client.requirePkce())
          .param("consentRequired", client.consentRequired())
          .param("idTokenAlg", client.idTokenAlg())
          .param("now", DbTime.of(now))
          .param("administrator", administrator)
          .update();
    } catch (DuplicateKeyException taken) {
      throw new InvalidInput("clientId", "client_id_taken");
    }
    write(id, client, logo, now);
    registry.forget(client.clientId());
    events.publishEvent(new RelyingPartyRegistered(client.clientId(), administrator, Occurrence.at(now)));
    return new Outcome(id, client.clientId(), client.name(), secret);
  }

  /**
   * Changes a registration. A client that now authenticates with a secret and had none gets one.
   *
   * @param logo a new logo, or null to keep the one stored
   */
  @Transactional
  public Optional<Outcome> update(UUID id, ClientForm form, Upload logo, UUID administrator) {
    Optional<Stored> found = find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Stored stored = changeable(found.get());
    ClientForm.Client client = checked(form.withClientId(stored.client().clientId()), logo, false);
    Instant now = clock.instant();
    boolean needsSecret =
        ClientForm.SECRET_BASIC.equals(client.authMethod()) && !ClientForm.SECRET_BASIC.equals(stored.client().authMethod());
    String secret = needsSecret ? ClientSecretHasher.newSecret() : null;
    jdbc.sql(
            "update federation_client set name = :name, confidential = :confidential, require_pkce = :requirePkce,"
                + " consent_required = :consentRequired, id_token_alg = :idTokenAlg, updated_at = :now where id = :id")
        .param("id", id)
        .param("name", client.name())
        .param("confidential", client.confidential())
        .param("requirePkce", client.requirePkce())
        .param("consentRequired", client.consentRequired())
        .param("idTokenAlg", client.idTokenAlg())
        .param("now", DbTime.of(now))
        .update();
    if (!ClientForm.SECRET_BASIC.equals(client.authMethod())) {
      // a secret that no longer authenticates anything is not kept
      jdbc.sql("update federation_client set secret_hash = null, secret_issued_at = null where id = :id").param("id", id).update();
    } else if (secret != null) {
      storeSecret(id, secret, now);
    }
    write(id, client, logo, now);
    int version = bump(id);
    registry.forget(client.clientId());
    events.publishEvent(new RelyingPartyChanged(client.clientId(), version, administrator, Occurrence.at(now)));
    if (secret != null) {
      events.publishEvent(new ClientSecretIssued(client.clientId(), administrator, Occurrence.at(now)));
    }
    return Optional.of(new Outcome(id, client.clientId(), client.name(), secret));
  }

  /** A new secret for a client that authenticates with one; the old one stops working at once. */
  @Transactional
  public Optional<Outcome> newSecret(UUID id, UUID administrator) {
    Optional<Stored> found = find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Stored stored = changeable(found.get());
    if (!ClientForm.SECRET_BASIC.equals(stored.client().authMethod())) {
      throw new NoSecret();
    }
    Instant now = clock.instant();
    String secret = ClientSecretHasher.newSecret();
    storeSecret(id, secret, now);
    bump(id);
    registry.forget(stored.client().clientId());
    events.publishEvent(new ClientSecretIssued(stored.client().clientId(), administrator, Occurrence.at(now)));
    return Optional.of(new Outcome(id, stored.client().clientId(), stored.client().name(), secret));
  }

  /**
   * Deactivates a client: it is unknown to the provider from then on, and its authorizations
   * (refresh tokens) and consents are removed, so that nothing it holds still works.
   */
  @Transactional
  public boolean deactivate(UUID id, UUID administrator) {
    Optional<Stored> found = find(id);
    if (found.isEmpty()) {
      return false;
    }
    Stored stored = changeable(found.get());
    Instant now = clock.instant();
    jdbc.sql("update federation_client set active = false, updated_at = :now where id = :id")
        .param("now", DbTime.of(now))
        .param("id", id)
        .update();
    bump(id);
    // consents before authorizations, as a citizen's withdrawal takes them: no deadlock between the two
    jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = :id").param("id", id.toString()).update();
    jdbc.sql("delete from oauth2_authorization where registered_client_id = :id").param("id", id.toString()).update();
    registry.forget(stored.client().clientId());
    events.publishEvent(new RelyingPartyDeactivated(stored.client().clientId(), administrator, Occurrence.at(now)));
    return true;
  }

  /** An uploaded file: its bytes and the name the browser gave. */
  public record Upload(byte[] bytes, String fileName) {}

  private static Stored changeable(Stored stored) {
    if (stored.configured()) {
      throw new Configured();
    }
    if (!stored.active()) {
      throw new Inactive();
    }
    return stored;
  }

  /** The form's rules and the logo's together, so that every field shows its error at once. */
  private static ClientForm.Client checked(ClientForm form, Upload logo, boolean newClient) {
    List<Violation> violations = new ArrayList<>();
    ClientForm.Client client = null;
    try {
      client = form.check(newClient);
    } catch (InvalidInput invalid) {
      violations.addAll(invalid.violations());
    }
    if (logo != null) {
      try {
        ClientLogo.read(logo.bytes(), logo.fileName());
      } catch (InvalidInput invalid) {
        violations.addAll(invalid.violations());
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return client;
  }

  /** The columns beyond the protocol basics, the addresses, the scopes and a new logo. */
  private void write(UUID id, ClientForm.Client client, Upload logo, Instant now) {
    jdbc.sql(
            "update federation_client set agency = :agency, description = :description, home_url = :homeUrl, auth_method = :authMethod,"
                + " jwks = :jwks, jwks_url = :jwksUrl, assertion_alg = :assertionAlg, require_par = :requirePar,"
                + " minimum_level = :minimumLevel, backchannel_logout_uri = :backchannel where id = :id")
        .param("id", id)
        .param("agency", client.agency())
        .param("description", client.description())
        .param("homeUrl", client.homeUrl())
        .param("authMethod", client.authMethod())
        .param("jwks", client.jwks())
        .param("jwksUrl", client.jwksUrl())
        .param("assertionAlg", client.assertionAlg())
        .param("requirePar", client.requirePar())
        .param("minimumLevel", client.minimumLevel().apiName())
        .param("backchannel", client.backchannelLogoutUri())
        .update();
    if (logo != null) {
      jdbc.sql("update federation_client set logo = :logo, logo_type = :type where id = :id")
          .param("logo", ClientLogo.read(logo.bytes(), logo.fileName()))
          .param("type", ClientLogo.TYPE)
          .param("id", id)
          .update();
    }
    String clientId = client.clientId();
    jdbc.sql("delete from federation_client_redirect_uri where client_id = :clientId").param("clientId", clientId).update();
    jdbc.sql("delete from federation_client_scope where client_id = :clientId").param("clientId", clientId).update();
    client.redirectUris().forEach(uri -> insertUri(clientId, "login", uri));
    client.postLogoutRedirectUris().forEach(uri -> insertUri(clientId, "post_logout", uri));
    client.scopes().forEach(
        scope ->
            jdbc.sql("insert into federation_client_scope (client_id, scope) values (:clientId, :scope)")
                .param("clientId", clientId)
                .param("scope", scope)
                .update());
  }

  private void insertUri(String clientId, String kind, String uri) {
    jdbc.sql("insert into federation_client_redirect_uri (client_id, kind, uri) values (:clientId, :kind, :uri)")
        .param("clientId", clientId)
        .param("kind", kind)
        .param("uri", uri)
        .update();
  }

  private void storeSecret(UUID id, String secret, Instant now) {
    jdbc.sql("update federation_client set secret_hash = :hash, secret_issued_at = :now, updated_at = :now where id = :id")
        .param("hash", hasher.encode(secret))
        .param("now", DbTime.of(now))
        .param("id", id)
        .update();
  }

  private int bump(UUID id) {
    jdbc.sql("update federation_client set version = version + 1 where id = :id").param("id", id).update();
    return jdbc.sql("select version from federation_client where id = :id").param("id", id).query(Integer.class).single();
  }

  private List<String> uris(String clientId, String kind) {
    return jdbc.sql("select uri from federation_client_redirect_uri where client_id = :id and kind = :kind order by uri")
        .param("id", clientId)
        .param("kind", kind)
        .query(String.class)
        .list();
  }

  private List<String> scopes(String clientId) {
    List<String> stored =
        jdbc.sql("select scope from federation_client_scope where client_id = :id").param("id", clientId).query(String.class).list();
    // in the order the form shows them
    return ClientForm.SCOPES.stream().filter(stored::contains).toList();
  }
}
