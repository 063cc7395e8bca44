package org.propusk.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A part of the home page that another module contributes (the services catalogue of the
 * federation module), so that the module owning the home page does not depend on the modules that
 * fill it. The home page inserts each part's template fragment {@code section(part)} in
 * {@link #order()}.
 */
public interface HomeSection {

  /** Where the section goes among the others: smaller first. */
  int order();

  /** What to show to this viewer ({@code null} when nobody is signed in), if anything. */
  Optional<Part> render(Viewer viewer, Locale locale);

  /** The signed-in citizen looking at the home page, with the account's level as it is now. */
  record Viewer(UUID accountId, String level) {}

  /** A Thymeleaf template holding the fragment {@code section(part)}, and what it shows. */
  record Part(String template, Object model) {}
}
