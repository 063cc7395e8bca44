package org.propusk.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;
import org.propusk.verification.CheckState;

/** The drawing beside the check and the code agree, both ways. */
class CheckStateDiagramTests {

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() {
    assertThat(StateDiagram.drawn(Path.of("src/main/java/org/propusk/verification/internal/CheckState.mmd")))
        .isEqualTo(StateDiagram.coded(CheckState.class, DocumentCheck::canMove));
  }
}
