package org.propusk.authentication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.ConfirmationCode;
import org.propusk.shared.ConfirmationCodeColumns;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the second factor (V25__second_factor.sql). */
@Repository
class SecondFactorRepository {

  private final JdbcClient jdbc;

  SecondFactorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An app's row: the sealed secret in use (null until one is confirmed) and one being set up. */
  record TotpRow(String secret, Long lastStep, String pendingSecret, Instant pendingSince) {}

  Optional<TotpRow> totp(UUID accountId) {
    return jdbc.sql("select secret, last_step, pending_secret, pending_since from second_factor_totp where account_id = :id")
        .param("id", accountId)
        .query(
            (rs, row) ->
                new TotpRow(
                    rs.getString("secret"),
                    rs.getObject("last_step") == null ? null : rs.getLong("last_step"),
                    rs.getString("pending_secret"),
                    DbTime.read(rs, "pending_since")))
        .optional();
  }

  /**
   * Keeps a new secret waiting for its first code; the one in use (if any) stays until then. Two
   * statements that never fail on a parallel first setup: the row is created unless it exists
   * (on PostgreSQL the second insert waits for the first and then does nothing, where catching a
   * duplicate key would leave the transaction aborted), then the waiting secret is set.
   */
  void savePending(UUID accountId, String sealedSecret, Instant now) {
    jdbc.sql("insert into second_factor_totp (account_id) values (:id) on conflict do nothing")
        .param("id", accountId)
        .update();
    jdbc.sql("update second_factor_totp set pending_secret = :secret, pending_since = :now where account_id = :id")
        .param("secret", sealedSecret)
        .param("now", DbTime.of(now))
        .param("id", accountId)
        .update();
  }

  /**
   * Puts the waiting secret in use with the step of its first code, if it is still the one waiting
   * (two confirmations at once: one wins).
   */
  boolean activate(UUID accountId, String sealedSecret, long step, Instant now) {
    return jdbc.sql(
                """
                update second_factor_totp
                set secret = pending_secret, last_step = :step, enabled_at = :now, pending_secret = null, pending_since = null
                where account_id = :id and pending_secret = :secret
                """)
            .param("step", step)
            .param("now", DbTime.of(now))
            .param("id", accountId)
            .param("secret", sealedSecret)
            .update()
        == 1;
  }

  /**
   * Records a step as used, unless it or a later one was used already: one statement, so that of
   * two requests with the same code exactly one gets the row.
   */
  boolean useStep(UUID accountId, long step) {
    return jdbc.sql(
                """
                update second_factor_totp set last_step = :step
                where account_id = :id and secret is not null and (last_step is null or last_step < :step)
                """)
            .param("step", step)
            .param("id", accountId)
            .update()
        == 1;
  }

  boolean deleteTotp(UUID accountId) {
    // the app before its codes, the order in which confirming an app takes them: no deadlock
    boolean deleted =
        jdbc.sql("delete from second_factor_totp where account_id = :id and secret is not null")
                .param("id", accountId)
                .update()
            == 1;
    deleteRecoveryCodes(accountId);
    return deleted;
  }

  void deleteRecoveryCodes(UUID accountId) {
    jdbc.sql("delete from second_factor_recovery_code where account_id = :id").param("id", accountId).update();
  }

  void insertRecoveryCodes(UUID accountId, List<String> hashes, Instant now) {
    for (String hash : hashes) {
      jdbc.sql(
              "insert into second_factor_recovery_code (id, account_id, code_hash, created_at) values (:id, :account, :hash, :now)")
          .param("id", UUID.randomUUID())
          .param("account", accountId)
          .param("hash", hash)
          .param("now", DbTime.of(now))
          .update();
    }
  }

  int unusedRecoveryCodes(UUID accountId) {
    return jdbc.sql("select count(*) from second_factor_recovery_code where account_id = :id and used_at is null")
        .param("id", accountId)
        .query(Integer.class)
        .single();
  }

  /** Spends an unused code with this hash; false when there is none (wrong, or used already). */
  boolean useRecoveryCode(UUID accountId, String hash, Instant now) {
    return jdbc.sql(
                """
                update second_factor_recovery_code set used_at = :now
                where account_id = :id and code_hash = :hash and used_at is null
                """)
            .param("now", DbTime.of(now))
            .param("id", accountId)
            .param("hash", hash)
            .update()
        == 1;
  }

  boolean smsOn(UUID accountId) {
    return jdbc.sql("select count(*) from second_factor_sms where account_id = :id")
            .param("id", accountId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The SMS factor's code, its row locked until the transaction ends. */
  Optional<ConfirmationCode> smsCodeForUpdate(UUID accountId) {
    return jdbc.sql("select * from second_factor_sms where account_id = :id for update")
        .param("id", accountId)
        .query((rs, row) -> ConfirmationCodeColumns.read(rs))
        .optional();
  }

  void saveSmsCode(UUID accountId, ConfirmationCode code) {
    ConfirmationCodeColumns.bind(
            jdbc.sql(
                """
                update second_factor_sms set code_hash = :codeHash, code_expires_at = :codeExpiresAt,
                  code_wrong_entries = :codeWrongEntries, total_wrong_entries = :totalWrongEntries,
                  codes_sent = :codesSent, last_code_sent_at = :lastCodeSentAt
                where account_id = :id
                """),
            code)
        .param("id", accountId)
        .update();
  }

  /** True when it was off; of two at once exactly one turns it on, and neither fails. */
  boolean turnSmsOn(UUID accountId, Instant now) {
    return jdbc.sql(
                """
                insert into second_factor_sms (account_id, enabled_at, code_wrong_entries, total_wrong_entries, codes_sent)
                values (:id, :now, 0, 0, 0) on conflict do nothing
                """)
            .param("id", accountId)
            .param("now", DbTime.of(now))
            .update()
        == 1;
  }

  /** True when it was on. */
  boolean turnSmsOff(UUID accountId) {
    return jdbc.sql("delete from second_factor_sms where account_id = :id").param("id", accountId).update() == 1;
  }
}
