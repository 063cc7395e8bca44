package org.propusk.confirmation.internal.post;

import java.util.Map;
import org.propusk.shared.Problem;

/** Why a letter cannot be asked for or a code not accepted; title and detail in the messages. */
class PostLetterProblem extends Problem {

  /** Only a Standard account (verified SNILS and passport) may ask. */
  static PostLetterProblem notStandard() {
    return new PostLetterProblem(409, "post-letter-not-standard");
  }

  static PostLetterProblem alreadyConfirmed() {
    return new PostLetterProblem(409, "post-letter-confirmed");
  }

  /** The letter goes only to a registration address the interior ministry confirmed. */
  static PostLetterProblem noVerifiedAddress() {
    return new PostLetterProblem(409, "post-letter-no-address");
  }

  /** No letter was printed yet: there is no code to enter. */
  static PostLetterProblem noLetter() {
    return new PostLetterProblem(409, "post-letter-none");
  }

  static PostLetterProblem expired() {
    return new PostLetterProblem(410, "post-letter-expired");
  }

  /** Five entries were made; a new letter is needed. */
  static PostLetterProblem spent() {
    return new PostLetterProblem(410, "post-code-spent");
  }

  static PostLetterProblem used() {
    return new PostLetterProblem(409, "post-letter-used");
  }

  PostLetterProblem(int status, String type) {
    super(status, type);
  }

  /** A wrong code, with the entries left for this letter. */
  static final class WrongCode extends PostLetterProblem {
    private final int entriesLeft;

    WrongCode(int entriesLeft) {
      super(422, "wrong-post-code");
      this.entriesLeft = entriesLeft;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("attemptsLeft", entriesLeft);
    }

    @Override
    public Object[] detailArguments() {
      return new Object[] {entriesLeft};
    }
  }
}
