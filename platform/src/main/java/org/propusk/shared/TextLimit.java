package org.propusk.shared;

import java.util.List;

/**
 * The longest value of every free-text field a request can fill, declared once (issue 15); the
 * identifiers (names, e-mail, phone, SNILS, ...) declare theirs in {@code identifiers}. Each form's
 * rules check the maximum first and answer {@code too_long} next to the field, so that no value
 * reaches its column too long for it; {@code ColumnLimitsIntegrationTests} holds every maximum
 * against the columns named here, read from the database's catalogue.
 */
public enum TextLimit {
  BIRTH_PLACE(200, "identity_profile.birth_place"),
  PASSPORT_ISSUER(200, "identity_profile.passport_issuer"),
  FOREIGN_DOCUMENT_TYPE(60, "identity_profile.foreign_doc_type"),
  FOREIGN_DOCUMENT_COUNTRY(60, "identity_profile.foreign_doc_country"),
  /** Stored sealed (foreign_doc_sealed), which the column's size allows for this many characters. */
  FOREIGN_DOCUMENT_NUMBER(40),
  CLIENT_ID(100, "federation_client.client_id", "oauth2_authorization.registered_client_id"),
  CLIENT_NAME(200, "federation_client.name"),
  CLIENT_AGENCY(300, "federation_client.agency"),
  CLIENT_DESCRIPTION(2000, "federation_client.description"),
  CLIENT_URI(
      2000,
      "federation_client_redirect_uri.uri",
      "federation_client.home_url",
      "federation_client.jwks_url",
      "federation_client.backchannel_logout_uri"),
  CLIENT_JWKS(65536, "federation_client.jwks"),
  SERVICE_CODE(100, "services_catalogue_entry.code"),
  SERVICE_NAME(300, "services_catalogue_entry.name_ru", "services_catalogue_entry.name_en"),
  SERVICE_AGENCY(300, "services_catalogue_entry.agency_ru", "services_catalogue_entry.agency_en"),
  SERVICE_DESCRIPTION(2000, "services_catalogue_entry.description_ru", "services_catalogue_entry.description_en"),
  SERVICE_URL(2000, "services_catalogue_entry.url"),
  RETURN_ADDRESS(2048, "sign_in_flow.return_to"),
  /** A service centre's code: 2 to 20 capitals, digits and hyphens (the pattern checks the length). */
  CENTRE_CODE(20, "service_centre.code"),
  CENTRE_NAME(200, "service_centre.name"),
  CENTRE_ADDRESS(300, "service_centre.address");

  private final int max;
  private final List<String> columns;

  TextLimit(int max, String... columns) {
    this.max = max;
    this.columns = List.of(columns);
  }

  /** The most characters the field takes. */
  public int max() {
    return max;
  }

  /** The {@code table.column}s the field's value is stored in. */
  public List<String> columns() {
    return columns;
  }
}
