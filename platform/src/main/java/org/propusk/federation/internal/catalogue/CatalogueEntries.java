package org.propusk.federation.internal.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.propusk.federation.CatalogueEntryChanged;
import org.propusk.shared.DbTime;
import org.propusk.shared.Occurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code services_catalogue_entry} as administrators edit it. Every addition and change
 * is published with the administrator and the fields that changed, for the audit trail.
 */
@Component
class CatalogueEntries {

  private static final String COLUMNS =
      "code, name_ru, name_en, agency_ru, agency_en, description_ru, description_en, url, minimum_level, position, active";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  CatalogueEntries(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** Every entry, hidden ones too, in the catalogue's order. */
  List<CatalogueEntry> all() {
    return jdbc.sql("select " + COLUMNS + " from services_catalogue_entry order by position, code").query(CatalogueEntries::entry).list();
  }

  Optional<CatalogueEntry> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from services_catalogue_entry where code = :code")
        .param("code", code)
        .query(CatalogueEntries::entry)
        .optional();
  }

  /** Adds the entry; false when its code is taken. */
  @Transactional
  boolean add(CatalogueEntry entry, UUID administrator) {
    if (find(entry.code()).isPresent()) {
      return false; // asked first: on PostgreSQL a failed insert would leave the transaction unusable
    }
    Instant now = clock.instant();
    try {
      jdbc.sql(
              "insert into services_catalogue_entry (id, " + COLUMNS + ", created_at, updated_at) values (:id, :code,"
                  + " :nameRu, :nameEn, :agencyRu, :agencyEn, :descriptionRu, :descriptionEn, :url, :minimumLevel,"
                  + " :position, :active, :now, :now)")
          .params(values(entry))
          .param("id", UUID.randomUUID())
          .param("now", DbTime.of(now))
          .update();
      events.publishEvent(
          new CatalogueEntryChanged(entry.code(), true, List.copyOf(values(entry).keySet().stream().sorted().toList()), entry.active(),
              administrator, Occurrence.at(now)));
      return true;
    } catch (DuplicateKeyException addedMeanwhile) {
      return false;
    }
  }

  /** Replaces the entry of that code; false when there is none. Saving it unchanged is no change. */
  @Transactional
  boolean update(CatalogueEntry entry, UUID administrator) {
    Optional<CatalogueEntry> before = find(entry.code());
    if (before.isEmpty()) {
      return false;
    }
    List<String> changed = changedFields(before.get(), entry);
    if (changed.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    jdbc.sql(
                "update services_catalogue_entry set name_ru = :nameRu, name_en = :nameEn, agency_ru = :agencyRu,"
                    + " agency_en = :agencyEn, description_ru = :descriptionRu, description_en = :descriptionEn,"
                    + " url = :url, minimum_level = :minimumLevel, position = :position, active = :active,"
                    + " updated_at = :now where code = :code")
        .params(values(entry))
        .param("now", DbTime.of(now))
        .update();
    events.publishEvent(new CatalogueEntryChanged(entry.code(), false, changed, entry.active(), administrator, Occurrence.at(now)));
    return true;
  }

  private static List<String> changedFields(CatalogueEntry before, CatalogueEntry after) {
    Map<String, Object> was = values(before);
    Map<String, Object> is = values(after);
    List<String> changed = new ArrayList<>();
    is.keySet().stream().sorted().filter(field -> !Objects.equals(was.get(field), is.get(field))).forEach(changed::add);
    return changed;
  }

  private static Map<String, Object> values(CatalogueEntry entry) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("code", entry.code());
    values.put("nameRu", entry.nameRu());
    values.put("nameEn", entry.nameEn());
    values.put("agencyRu", entry.agencyRu());
    values.put("agencyEn", entry.agencyEn());
    values.put("descriptionRu", entry.descriptionRu());
    values.put("descriptionEn", entry.descriptionEn());
    values.put("url", entry.url());
    values.put("minimumLevel", entry.minimumLevel());
    values.put("position", entry.position());
    values.put("active", entry.active());
    return values;
  }

  private static CatalogueEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new CatalogueEntry(
        rs.getString("code"),
        rs.getString("name_ru"),
        rs.getString("name_en"),
        rs.getString("agency_ru"),
        rs.getString("agency_en"),
        rs.getString("description_ru"),
        rs.getString("description_en"),
        rs.getString("url"),
        rs.getString("minimum_level"),
        rs.getInt("position"),
        rs.getBoolean("active"));
  }
}
