package org.propusk.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.account.Role;
import org.propusk.account.RoleHolder;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code account_role}: one row per account and role. */
@Repository
class RoleRepository {

  private final JdbcClient jdbc;

  RoleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean has(UUID accountId, Role role) {
    return jdbc.sql("select count(*) from account_role where account_id = :account and role = :role")
            .param("account", accountId)
            .param("role", role.name())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Inserts the row unless the account holds the role already; true when this call inserted it.
   * The primary key turns a concurrent second insert of the same row into nothing.
   */
  boolean insert(UUID accountId, Role role, Instant at, UUID grantedBy) {
    return jdbc.sql(
                """
                insert into account_role (account_id, role, granted_at, granted_by)
                values (:account, :role, :at, :by)
                on conflict do nothing
                """)
            .param("account", accountId)
            .param("role", role.name())
            .param("at", DbTime.of(at))
            .param("by", grantedBy)
            .update()
        == 1;
  }

  /**
   * Inserts the row only while nobody holds the role at all (the first administrator); true when
   * this call inserted it. Two nodes doing it at once for the same account meet at the primary key.
   */
  boolean insertIfNoneHolds(UUID accountId, Role role, Instant at) {
    return jdbc.sql(
                """
                insert into account_role (account_id, role, granted_at, granted_by)
                select :account, :role, :at, null
                where not exists (select 1 from account_role where role = :role)
                on conflict do nothing
                """)
            .param("account", accountId)
            .param("role", role.name())
            .param("at", DbTime.of(at))
            .update()
        == 1;
  }

  /** The holders of the role, locked until the transaction ends (revocations queue up here). */
  List<UUID> lockHolders(Role role) {
    return jdbc.sql("select account_id from account_role where role = :role order by account_id for update")
        .param("role", role.name())
        .query(UUID.class)
        .list();
  }

  boolean delete(UUID accountId, Role role) {
    return jdbc.sql("delete from account_role where account_id = :account and role = :role")
            .param("account", accountId)
            .param("role", role.name())
            .update()
        == 1;
  }

  boolean anyHolds(Role role) {
    return jdbc.sql("select count(*) from account_role where role = :role").param("role", role.name()).query(Long.class).single()
        > 0;
  }

  List<RoleHolder> holders(Role role) {
    return jdbc.sql(
            """
            select r.account_id, r.role, r.granted_at, r.granted_by, a.last_name, a.first_name, a.phone, a.email
            from account_role r join account a on a.id = r.account_id
            where r.role = :role
            order by r.granted_at, r.account_id
            """)
        .param("role", role.name())
        .query(
            (rs, row) ->
                new RoleHolder(
                    rs.getObject("account_id", UUID.class),
                    rs.getString("last_name"),
                    rs.getString("first_name"),
                    rs.getString("phone") != null ? rs.getString("phone") : rs.getString("email"),
                    Role.valueOf(rs.getString("role")),
                    DbTime.read(rs, "granted_at"),
                    rs.getObject("granted_by", UUID.class)))
        .list();
  }
}
