package org.propusk.authentication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.propusk.account.AccountLevel;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.DbTime;
import org.propusk.shared.OneTimeSecrets;
import org.propusk.shared.SealedSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-in flows waiting for the second factor. Only that step is saved: a row is written once, when
 * the password was right, and deleted when the flow is done, over or expired. The login is sealed.
 */
@Repository
class SignInFlowRepository {

  private final JdbcClient jdbc;
  private final OneTimeSecrets secrets;

  SignInFlowRepository(JdbcClient jdbc, OneTimeSecrets secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  void insert(SignInFlow flow) {
    SignInFlow.Request request = flow.request();
    jdbc.sql(
            """
            insert into sign_in_flow (id, state, account_id, login_sealed, device, client_slot, methods,
              return_to, min_level, max_age_seconds, wrong_codes, sms_resend_at, created_at, expires_at, version)
            values (:id, :state, :accountId, :login, :device, :clientSlot, :methods,
              :returnTo, :minLevel, :maxAge, 0, null, :createdAt, :expiresAt, 0)
            """)
        .param("id", flow.id())
        .param("state", flow.state().name())
        .param("accountId", flow.accountId())
        .param("login", secrets.seal(flow.loginKey()).value())
        .param("device", flow.attempt().device())
        .param("clientSlot", flow.attempt().clientSlot())
        .param("methods", flow.methods().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
        .param("returnTo", request.returnTo())
        .param("minLevel", request.minLevel() == null ? null : request.minLevel().name())
        .param("maxAge", request.maxAge() == null ? null : request.maxAge().toSeconds())
        .param("createdAt", DbTime.of(flow.createdAt()))
        .param("expiresAt", DbTime.of(flow.expiresAt()))
        .update();
  }

  Optional<SignInFlow> find(UUID id) {
    return jdbc.sql("select * from sign_in_flow where id = :id").param("id", id).query(this::map).optional();
  }

  /**
   * Counts one more wrong code in a single statement, so that parallel wrong codes are all
   * counted; returns the count, or empty when the flow is gone.
   */
  Optional<Integer> countWrongCode(UUID id) {
    int rows =
        jdbc.sql("update sign_in_flow set wrong_codes = wrong_codes + 1, version = version + 1 where id = :id")
            .param("id", id)
            .update();
    if (rows != 1) {
      return Optional.empty();
    }
    return jdbc.sql("select wrong_codes from sign_in_flow where id = :id").param("id", id).query(Integer.class).optional();
  }

  void smsSent(UUID id, Instant nextAt) {
    jdbc.sql("update sign_in_flow set sms_resend_at = :at, version = version + 1 where id = :id")
        .param("at", DbTime.of(nextAt))
        .param("id", id)
        .update();
  }

  /** Ends the flow; true for the one request that ended it, so that one flow signs in once. */
  boolean delete(UUID id) {
    return jdbc.sql("delete from sign_in_flow where id = :id").param("id", id).update() == 1;
  }

  int deleteExpired(Instant now) {
    return jdbc.sql("delete from sign_in_flow where expires_at <= :now").param("now", DbTime.of(now)).update();
  }

  private SignInFlow map(ResultSet rs, int row) throws SQLException {
    String minLevel = rs.getString("min_level");
    long maxAge = rs.getLong("max_age_seconds");
    boolean noMaxAge = rs.wasNull();
    Set<AuthenticationMethod> methods = EnumSet.noneOf(AuthenticationMethod.class);
    Arrays.stream(rs.getString("methods").split(","))
        .filter(name -> !name.isEmpty())
        .forEach(name -> methods.add(AuthenticationMethod.valueOf(name)));
    return new SignInFlow(
        rs.getObject("id", UUID.class),
        SignInState.valueOf(rs.getString("state")),
        new SignInFlow.Request(
            rs.getString("return_to"),
            minLevel == null ? null : AccountLevel.valueOf(minLevel),
            noMaxAge ? null : Duration.ofSeconds(maxAge)),
        rs.getObject("account_id", UUID.class),
        secrets.open(new SealedSecret(rs.getString("login_sealed"))),
        new SignInFlow.Attempt(rs.getString("device"), rs.getObject("client_slot", UUID.class)),
        methods,
        rs.getInt("wrong_codes"),
        DbTime.read(rs, "sms_resend_at"),
        DbTime.read(rs, "created_at"),
        DbTime.read(rs, "expires_at"),
        rs.getLong("version"));
  }
}
