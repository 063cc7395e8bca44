package org.propusk.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The drawing beside the state enum and the code agree, both ways. */
class RegistrationStateDiagramTests {

  static final Path DIAGRAM =
      Path.of("src/main/java/org/propusk/registration/internal/RegistrationState.mmd");
  static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(\\w+)");

  @Test
  void everyTransitionInTheDiagramExistsInCodeAndNoOther() throws IOException {
    Set<String> drawn = new HashSet<>();
    for (String line : Files.readAllLines(DIAGRAM)) {
      Matcher arrow = ARROW.matcher(line.replace("[*]", "START"));
      if (arrow.find() && !arrow.group(1).equals("START") && !arrow.group(2).equals("START")) {
        drawn.add(arrow.group(1) + "->" + arrow.group(2));
      }
    }
    Set<String> coded = new HashSet<>();
    for (RegistrationState from : RegistrationState.values()) {
      for (RegistrationState to : EnumSet.allOf(RegistrationState.class)) {
        if (from.canMoveTo(to)) {
          coded.add(from + "->" + to);
        }
      }
    }
    assertThat(drawn).isEqualTo(coded);
  }
}
