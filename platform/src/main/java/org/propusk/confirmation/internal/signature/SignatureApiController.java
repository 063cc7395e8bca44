package org.propusk.confirmation.internal.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1 of the qualified electronic signature way to Confirmed. */
@RestController
@RequestMapping("/api/v1/confirmation/signature")
class SignatureApiController {

  private final SignatureService signatures;

  SignatureApiController(SignatureService signatures) {
    this.signatures = signatures;
  }

  record Challenge(UUID id, String challenge, Instant expiresAt, int attemptsLeft) {}

  /** {@code signature}: the CMS signature as Base64 (or PEM). */
  record Submission(UUID challengeId, String signature) {}

  record Confirmed(String level, String method, String source) {}

  @PostMapping("/challenge")
  @ResponseStatus(HttpStatus.CREATED)
  Challenge challenge() {
    SignatureService.ChallengeView view = signatures.issue(me());
    return new Challenge(view.id(), view.text(), view.expiresAt(), view.attemptsLeft());
  }

  @PostMapping
  Confirmed submit(@RequestBody Submission body) {
    byte[] signature = body.signature() == null ? null : body.signature().getBytes(StandardCharsets.US_ASCII);
    String source = signatures.submit(me(), body.challengeId(), signature);
    return new Confirmed("confirmed", "qualified_signature", source);
  }

  private static UUID me() {
    return Citizen.current().orElseThrow().accountId();
  }
}
