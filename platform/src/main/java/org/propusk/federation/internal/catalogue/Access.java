package org.propusk.federation.internal.catalogue;

import java.util.List;
import org.propusk.account.AccountLevel;

/**
 * Whether a service that needs one level is open to a citizen at another, and if not, the steps
 * that lead there: each level above the citizen's, up to the one needed, is one step. {@code
 * open} is null for a visitor who is not signed in (the level is unknown).
 */
public record Access(Boolean open, List<Step> steps) {

  /** The way to each level (SPEC section 1), with the page where it starts. */
  public enum Step {
    /** SNILS and passport entered in "Мои данные" and verified by the registries: Standard. */
    PROFILE("/profile"),
    /** Identity proven at a service centre, by post or with an electronic signature: Confirmed. */
    CONFIRMATION("/account/confirmation-ways");

    private final String page;

    Step(String page) {
      this.page = page;
    }

    public String page() {
      return page;
    }

    /** The name of its messages ({@code catalogue.step.profile}). */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Step towards(AccountLevel level) {
      return switch (level) {
        case SIMPLIFIED -> throw new IllegalArgumentException("every account is at least Simplified");
        case STANDARD -> PROFILE;
        case CONFIRMED -> CONFIRMATION;
      };
    }
  }

  static Access of(AccountLevel needed, AccountLevel citizen) {
    if (citizen == null) {
      return new Access(null, List.of());
    }
    List<Step> steps =
        java.util.Arrays.stream(AccountLevel.values())
            .filter(l -> l.compareTo(citizen) > 0 && l.compareTo(needed) <= 0)
            .map(Step::towards)
            .toList();
    return new Access(steps.isEmpty(), steps);
  }
}
