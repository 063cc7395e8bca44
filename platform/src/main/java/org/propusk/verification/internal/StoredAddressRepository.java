package org.propusk.verification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.propusk.identifiers.AddressPart;
import org.propusk.identifiers.FederalSubject;
import org.propusk.identifiers.PostalAddress;
import org.propusk.identifiers.PostalIndex;
import org.propusk.shared.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of profile_address: an account's registration and residence addresses. */
@Repository
class StoredAddressRepository {

  enum Kind { REGISTRATION, RESIDENCE }

  private final JdbcClient jdbc;

  StoredAddressRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PostalAddress> find(UUID accountId, Kind kind) {
    return jdbc.sql("select * from profile_address where account_id = :id and kind = :kind")
        .param("id", accountId)
        .param("kind", kind.name())
        .query(StoredAddressRepository::map)
        .optional();
  }

  /** Locks the account's address rows until the transaction ends, in the order a save writes them. */
  void lockAll(UUID accountId) {
    jdbc.sql("select kind from profile_address where account_id = :id order by kind for update")
        .param("id", accountId)
        .query()
        .listOfRows();
  }

  /** Stores the address of this kind, or removes it when null. */
  void save(UUID accountId, Kind kind, PostalAddress a, Instant now) {
    remove(accountId, kind);
    if (a == null) {
      return;
    }
    jdbc.sql(
            """
            insert into profile_address (account_id, kind, postal_index, region, district, settlement,
              street, house, building, flat, updated_at)
            values (:id, :kind, :postalIndex, :region, :district, :settlement, :street, :house,
              :building, :flat, :now)
            """)
        .param("id", accountId)
        .param("kind", kind.name())
        .param("postalIndex", a.postalIndex().value())
        .param("region", a.region().code())
        .param("district", text(a.district()))
        .param("settlement", a.settlement().value())
        .param("street", text(a.street()))
        .param("house", a.house().value())
        .param("building", text(a.building()))
        .param("flat", text(a.flat()))
        .param("now", DbTime.of(now))
        .update();
  }

  void remove(UUID accountId, Kind kind) {
    jdbc.sql("delete from profile_address where account_id = :id and kind = :kind")
        .param("id", accountId)
        .param("kind", kind.name())
        .update();
  }

  void removeAll(UUID accountId) {
    jdbc.sql("delete from profile_address where account_id = :id").param("id", accountId).update();
  }

  private static String text(AddressPart part) {
    return part == null ? null : part.value();
  }

  private static AddressPart part(String stored) {
    return stored == null ? null : new AddressPart(stored);
  }

  private static PostalAddress map(ResultSet rs, int row) throws SQLException {
    return new PostalAddress(
        new PostalIndex(rs.getString("postal_index")),
        FederalSubject.byCode(rs.getString("region")).orElseThrow(),
        part(rs.getString("district")),
        part(rs.getString("settlement")),
        part(rs.getString("street")),
        part(rs.getString("house")),
        part(rs.getString("building")),
        part(rs.getString("flat")));
  }
}
