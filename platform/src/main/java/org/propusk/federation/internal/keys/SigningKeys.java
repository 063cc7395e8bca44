package org.propusk.federation.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.propusk.shared.DbTime;
import java.util.List;
import java.util.UUID;
import org.propusk.shared.PersonalDataVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing keys in {@code federation_signing_key}, shared by every node: ES256 (P-256), the
 * default, and RS256 (RSA 3072) for clients that cannot verify ES256. The private part is sealed
 * with the data keys, so a dump of the database alone cannot forge tokens. The first key of each
 * algorithm is created at the first start; nodes starting together race on the primary key
 * {@code (alg, generation)}, and the loser simply reads the winner's key. What each node has read
 * is kept for a minute, which is how long a later rotation takes to reach every node.
 */
@Component
public class SigningKeys implements InitializingBean {

  /** The algorithms offered, the default first. */
  public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

  static final Duration CACHE = Duration.ofSeconds(60);
  private static final String PURPOSE = "signing-key";
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final JdbcClient jdbc;
  private final PersonalDataVault vault;
  private final Clock clock;
  private volatile Snapshot snapshot;

  SigningKeys(JdbcClient jdbc, PersonalDataVault vault, Clock clock) {
    this.jdbc = jdbc;
    this.vault = vault;
    this.clock = clock;
  }

  /** The keys as read at one time: public parts of every published key, private parts of the active ones. */
  record Snapshot(List<JWK> published, List<JWK> active, Instant readAt) {}

  @Override
  public void afterPropertiesSet() {
    ALGORITHMS.forEach(this::createFirstKey);
  }

  /** Public parts of every key still published: the JWKS, and what our own decoder trusts. */
  public List<JWK> published() {
    return current().published();
  }

  /** The keys that sign now, with their private parts: one per algorithm. */
  List<JWK> active() {
    return current().active();
  }

  /**
   * The id of the key that signs with this algorithm now, for the token header: taken from the
   * same snapshot as the encoder's keys, so that both name the same key during a rotation.
   */
  public String signingKeyId(String algorithm) {
    return active().stream()
        .filter(key -> key.getAlgorithm() != null && algorithm.equals(key.getAlgorithm().getName()))
        .map(JWK::getKeyID)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no active " + algorithm + " signing key"));
  }

  /** Reads the table again at the next use, e.g. after this node rotated a key. */
  void forget() {
    snapshot = null;
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    Instant now = clock.instant();
    if (known == null || known.readAt().plus(CACHE).isBefore(now) || known.readAt().isAfter(now)) {
      known = read(now);
      snapshot = known;
    }
    return known;
  }

  private Snapshot read(Instant now) {
    List<JWK> published =
        jdbc.sql(
                "select public_jwk from federation_signing_key"
                    + " where published_until is null or published_until > :now order by alg, generation desc")
            .param("now", DbTime.of(now))
            .query(String.class)
            .list()
            .stream()
            .map(SigningKeys::parse)
            .toList();
    List<JWK> active =
        jdbc.sql("select private_jwk_sealed from federation_signing_key where active order by alg, generation desc")
            .query(String.class)
            .list()
            .stream()
            .map(sealed -> parse(vault.open(PURPOSE, sealed)))
            .toList();
    return new Snapshot(published, active, now);
  }

  private void createFirstKey(JWSAlgorithm alg) {
    boolean exists =
        jdbc.sql("select count(*) from federation_signing_key where alg = :alg")
                .param("alg", alg.getName())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    JWK key = generate(alg);
    Instant now = clock.instant();
    try {
      jdbc.sql(
              "insert into federation_signing_key (kid, alg, generation, public_jwk, private_jwk_sealed, created_at,"
                  + " signs_from, active, published_until) values (:kid, :alg, 1, :public, :sealed, :now, :now, true, null)")
          .param("kid", key.getKeyID())
          .param("alg", alg.getName())
          .param("public", key.toPublicJWK().toJSONString())
          .param("sealed", vault.seal(PURPOSE, key.toJSONString()))
          .param("now", DbTime.of(now))
          .update();
      log.info("Created the first {} signing key {}", alg, key.getKeyID());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // its key is the one: nothing to do
    }
  }

  /** A generation of one algorithm's key as the table holds it. */
  record Generation(String kid, int number, boolean active, Instant createdAt, Instant signsFrom, Instant publishedUntil) {}

  /** The generations of an algorithm's key that are active or not yet active, oldest first. */
  List<Generation> activeAndNext(JWSAlgorithm alg) {
    return jdbc.sql(
            "select kid, generation, active, created_at, signs_from, published_until from federation_signing_key"
                + " where alg = :alg and generation >= (select max(generation) from federation_signing_key"
                + " where alg = :alg and active) order by generation")
        .param("alg", alg.getName())
        .query(
            (rs, n) ->
                new Generation(
                    rs.getString("kid"),
                    rs.getInt("generation"),
                    rs.getBoolean("active"),
                    DbTime.read(rs, "created_at"),
                    DbTime.read(rs, "signs_from"),
                    DbTime.read(rs, "published_until")))
        .list();
  }

  /**
   * Publishes a new key that will sign from {@code signsFrom}; false when another node published
   * this generation first.
   */
  boolean publishNext(JWSAlgorithm alg, int generation, Instant signsFrom, Instant now) {
    JWK key = generate(alg);
    try {
      jdbc.sql(
              "insert into federation_signing_key (kid, alg, generation, public_jwk, private_jwk_sealed, created_at,"
                  + " signs_from, active, published_until) values (:kid, :alg, :generation, :public, :sealed, :now,"
                  + " :signsFrom, false, null)")
          .param("kid", key.getKeyID())
          .param("alg", alg.getName())
          .param("generation", generation)
          .param("public", key.toPublicJWK().toJSONString())
          .param("sealed", vault.seal(PURPOSE, key.toJSONString()))
          .param("now", DbTime.of(now))
          .param("signsFrom", DbTime.of(signsFrom))
          .update();
      forget();
      return true;
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return false;
    }
  }

  /**
   * The next key signs from now on; the retired one stops signing but stays published until
   * {@code retiredPublishedUntil}, so that tokens it signed still verify. In the caller's
   * transaction, so that no node ever reads two active keys or none.
   */
  void activate(JWSAlgorithm alg, Generation retired, Generation next, Instant now, Instant retiredPublishedUntil) {
    int changed =
        jdbc.sql("update federation_signing_key set active = false, published_until = :until where kid = :kid and active")
            .param("until", DbTime.of(retiredPublishedUntil))
            .param("kid", retired.kid())
            .update();
    if (changed != 1) {
      throw new IllegalStateException("the " + alg + " key " + retired.kid() + " was no longer active");
    }
    jdbc.sql("update federation_signing_key set active = true, signs_from = :now where kid = :kid")
        .param("now", DbTime.of(now))
        .param("kid", next.kid())
        .update();
    forget();
  }

  static JWK generate(JWSAlgorithm alg) {
    String kid = UUID.randomUUID().toString();
    try {
      if (JWSAlgorithm.ES256.equals(alg)) {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).generate();
      }
      if (JWSAlgorithm.RS256.equals(alg)) {
        return new RSAKeyGenerator(3072).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).generate();
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a " + alg + " key", e);
    }
    throw new IllegalArgumentException("not offered: " + alg);
  }

  private static JWK parse(String json) {
    try {
      return JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored signing key cannot be read", e);
    }
  }
}
