package org.propusk.federation.internal.clients;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logos of active relying parties, for the consent page and the services catalogue. Always
 * PNG (see {@link ClientLogo}), never interpreted as anything else ({@code nosniff} comes with the
 * security headers) and, opened on its own, a picture that runs nothing.
 */
@RestController
class ClientLogoController {

  private final ClientAdministration clients;

  ClientLogoController(ClientAdministration clients) {
    this.clients = clients;
  }

  @GetMapping("/federation/clients/{id}/logo")
  ResponseEntity<byte[]> logo(@PathVariable UUID id) {
    return clients
        .logo(id)
        .map(
            png ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("logo.png").build().toString())
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                    .body(png))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
