package org.propusk.confirmation.internal.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.propusk.test.StateDiagram;

/** The letter's states as drawn, and the code's alphabet. */
class PostLetterTests {

  @Test
  void theDiagramDrawsExactlyTheMovesTheCodeAllows() {
    Path diagram = Path.of("src/main/java/org/propusk/confirmation/internal/post/PostLetterState.mmd");
    assertThat(StateDiagram.coded(PostLetterState.class, PostLetter::canMove)).isEqualTo(StateDiagram.drawn(diagram));
  }

  @Test
  void codesAreTenCharactersOfAnAlphabetWithoutLookAlikes() {
    assertThat(PostCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B", "6", "G");
    Set<String> drawn = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String code = PostCode.draw();
      assertThat(code).hasSize(10).matches("[" + PostCode.ALPHABET + "]+");
      drawn.add(code);
    }
    assertThat(drawn).hasSize(1_000);
  }

  @Test
  void typedCodesAreReadLeniently() {
    assertThat(PostCode.normalise(" acdef-hjkmn ")).isEqualTo("ACDEFHJKMN");
    assertThat(PostCode.normalise("АСЕНК МРТХУ")).as("Cyrillic look-alikes").isEqualTo("ACEHKMPTXY");
    assertThat(PostCode.normalise(null)).isEmpty();
    assertThat(PostCode.normalise("x".repeat(10_000))).hasSizeLessThanOrEqualTo(21);
    assertThat(PostCode.printed("ACDEFHJKMN")).isEqualTo("ACDEF-HJKMN");
  }
}
