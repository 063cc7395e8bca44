package org.propusk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the transitions of a Mermaid state diagram and lists those a state enum allows. */
public final class StateDiagram {

  private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(\\w+)");

  private StateDiagram() {}

  /** {@code FROM->TO} for every arrow between two states (start and end markers left out). */
  public static Set<String> drawn(Path diagram) {
    Set<String> drawn = new HashSet<>();
    try {
      for (String line : Files.readAllLines(diagram)) {
        Matcher arrow = ARROW.matcher(line.replace("[*]", "START"));
        if (arrow.find() && !arrow.group(1).equals("START") && !arrow.group(2).equals("START")) {
          drawn.add(arrow.group(1) + "->" + arrow.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return drawn;
  }

  /** {@code FROM->TO} for every move the code allows. */
  public static <E extends Enum<E>> Set<String> coded(Class<E> states, BiPredicate<E, E> canMove) {
    Set<String> coded = new HashSet<>();
    for (E from : states.getEnumConstants()) {
      for (E to : states.getEnumConstants()) {
        if (canMove.test(from, to)) {
          coded.add(from + "->" + to);
        }
      }
    }
    return coded;
  }
}
