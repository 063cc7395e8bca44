package org.propusk.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;

/** The drawing beside the state enum and the code agree, both ways. */
class RecoveryStateDiagramTests {

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() {
    assertThat(StateDiagram.drawn(Path.of("src/main/java/org/propusk/recovery/internal/RecoveryState.mmd")))
        .isEqualTo(StateDiagram.coded(RecoveryState.class, RecoveryState::canMoveTo));
  }
}
