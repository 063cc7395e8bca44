package org.propusk.confirmation.internal.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.propusk.shared.Citizen;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API v1: the signed-in citizen's letters with a post code, asking for one, entering its code. */
@RestController
@RequestMapping("/api/v1/confirmation/post-letters")
class PostLetterApiController {

  private final PostLetters letters;

  PostLetterApiController(PostLetters letters) {
    this.letters = letters;
  }

  record Letter(String id, String state, Instant requestedAt, Instant printedAt, Instant expiresAt, int attemptsLeft) {
    static Letter of(PostLetters.LetterView v) {
      return new Letter(v.shortId(), v.state(), v.requestedAt(), v.printedAt(), v.expiresAt(), v.entriesLeft());
    }
  }

  record Letters(String level, boolean addressVerified, List<Letter> letters) {}

  record Code(String code) {
    @Override
    public String toString() {
      return "Code[***]";
    }
  }

  @GetMapping
  Letters show() {
    PostLetters.Way way = letters.way(signedIn());
    return new Letters(way.level().apiName(), way.addressVerified(), way.letters().stream().map(Letter::of).toList());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Letter request() {
    return Letter.of(letters.request(signedIn()));
  }

  @PostMapping("/code")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void enter(@RequestBody Code body) {
    letters.enter(signedIn(), body == null ? null : body.code());
  }

  private static UUID signedIn() {
    return Citizen.current().orElseThrow().accountId();
  }
}
