package org.propusk.authentication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.propusk.account.AccountLevel;
import org.propusk.shared.Citizen;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API v1: how and when the signed-in citizen proved who they are in this session (only
 * signed-in clients reach it: the security rules answer 401 to others).
 */
@RestController
class CurrentSessionApiController {

  record Proof(String method, Instant at) {}

  record CurrentSession(
      UUID accountId, String level, Instant signedInAt, Instant authenticatedAt, boolean multiFactor, List<Proof> methods) {}

  @GetMapping("/api/v1/session")
  CurrentSession current() {
    Citizen citizen = Citizen.current().orElseThrow();
    return new CurrentSession(
        citizen.accountId(),
        AccountLevel.valueOf(citizen.level()).apiName(),
        citizen.signedInAt(),
        citizen.authenticatedAt(),
        citizen.multiFactor(),
        citizen.methods().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(proof -> new Proof(proof.getKey().amr(), proof.getValue()))
            .toList());
  }
}
