package org.propusk.authentication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;

/** The drawing beside the sign-in state enum and the code agree, both ways. */
class SignInStateDiagramTests {

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() {
    assertThat(StateDiagram.drawn(Path.of("src/main/java/org/propusk/authentication/internal/SignInState.mmd")))
        .isEqualTo(StateDiagram.coded(SignInState.class, SignInState::canMoveTo));
  }
}
