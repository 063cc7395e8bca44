package org.propusk.operator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code service_centre} and {@code centre_operator}. */
@Repository
class ServiceCentreRepository {

  private final JdbcClient jdbc;

  ServiceCentreRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the centre; false when its code is taken (the unique key settles a race). */
  boolean insert(ServiceCentre centre, Instant at, UUID by) {
    return jdbc.sql(
                """
                insert into service_centre (id, code, name, address, created_at, created_by)
                values (:id, :code, :name, :address, :at, :by)
                on conflict do nothing
                """)
            .param("id", centre.id())
            .param("code", centre.code())
            .param("name", centre.name())
            .param("address", centre.address())
            .param("at", DbTime.of(at))
            .param("by", by)
            .update()
        == 1;
  }

  List<ServiceCentre> all() {
    return jdbc.sql("select id, code, name, address from service_centre order by name, code")
        .query(ServiceCentre.class)
        .list();
  }

  Optional<ServiceCentre> find(UUID id) {
    return jdbc.sql("select id, code, name, address from service_centre where id = :id")
        .param("id", id)
        .query(ServiceCentre.class)
        .optional();
  }

  /** The centre the operator works at. */
  Optional<ServiceCentre> centreOf(UUID operatorId) {
    return jdbc.sql(
            """
            select c.id, c.code, c.name, c.address
            from centre_operator o join service_centre c on c.id = o.centre_id
            where o.account_id = :account
            """)
        .param("account", operatorId)
        .query(ServiceCentre.class)
        .optional();
  }

  /** Adds the operator to the centre; false when the account already works at a centre. */
  boolean addOperator(UUID centreId, UUID accountId, Instant at, UUID by) {
    return jdbc.sql(
                """
                insert into centre_operator (account_id, centre_id, added_at, added_by)
                values (:account, :centre, :at, :by)
                on conflict do nothing
                """)
            .param("account", accountId)
            .param("centre", centreId)
            .param("at", DbTime.of(at))
            .param("by", by)
            .update()
        == 1;
  }

  boolean removeOperator(UUID centreId, UUID accountId) {
    return jdbc.sql("delete from centre_operator where account_id = :account and centre_id = :centre")
            .param("account", accountId)
            .param("centre", centreId)
            .update()
        == 1;
  }

  /** Forgets a deleted account's place at its centre. */
  void removeOperator(UUID accountId) {
    jdbc.sql("delete from centre_operator where account_id = :account").param("account", accountId).update();
  }

  /** Which centre each operator works at, by account. */
  List<Membership> memberships() {
    return jdbc.sql("select account_id, centre_id, added_at from centre_operator")
        .query((rs, row) -> new Membership(rs.getObject("account_id", UUID.class), rs.getObject("centre_id", UUID.class), DbTime.read(rs, "added_at")))
        .list();
  }

  record Membership(UUID accountId, UUID centreId, Instant addedAt) {}
}
