package org.propusk.federation.internal.catalogue;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logos of the registered portals, for the catalogue: only raster images, with their stored
 * type and {@code nosniff} (set for every answer by the shared headers), so that an uploaded file
 * cannot become a page of this site.
 */
@RestController
class PortalLogos {

  private record Logo(byte[] bytes, String type) {}

  private final JdbcClient jdbc;

  PortalLogos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/catalogue/logos/{clientId}")
  ResponseEntity<byte[]> logo(@PathVariable String clientId) {
    return jdbc.sql("select logo, logo_type from federation_client where active and client_id = :clientId and logo is not null")
        .param("clientId", clientId)
        .query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type")))
        .optional()
        .filter(logo -> ServicesCatalogue.LOGO_TYPES.contains(logo.type()))
        .map(
            logo ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(logo.type()))
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                    .body(logo.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
