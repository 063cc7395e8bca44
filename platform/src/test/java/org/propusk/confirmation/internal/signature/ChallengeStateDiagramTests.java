package org.propusk.confirmation.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;

/** The drawing beside the state enum and the code agree, both ways. */
class ChallengeStateDiagramTests {

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() {
    assertThat(StateDiagram.drawn(Path.of("src/main/java/org/propusk/confirmation/internal/signature/ChallengeState.mmd")))
        .isEqualTo(StateDiagram.coded(ChallengeState.class, ChallengeState::canMoveTo));
  }
}
