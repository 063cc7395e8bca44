package org.propusk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;

/** The drawing beside the state enum and the code agree, both ways. */
class ContactChangeStateDiagramTests {

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() {
    assertThat(StateDiagram.drawn(Path.of("src/main/java/org/propusk/account/internal/ContactChangeState.mmd")))
        .isEqualTo(StateDiagram.coded(ContactChangeState.class, ContactChangeState::canMoveTo));
  }
}
