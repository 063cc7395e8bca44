package org.propusk.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The declared table of level profiles and the pure function that evaluates evidence against it.
 * Nothing sets a level by hand: it always follows from the evidence held.
 */
public final class LevelProfiles {

  /** Each level with the evidence it needs, from the lowest to the highest. */
  public static final List<Profile> TABLE =
      List.of(
          new Profile(AccountLevel.SIMPLIFIED, EnumSet.of(Evidence.CONFIRMED_CONTACT)),
          new Profile(
              AccountLevel.STANDARD,
              EnumSet.of(
                  Evidence.CONFIRMED_CONTACT, Evidence.VERIFIED_SNILS, Evidence.VERIFIED_PASSPORT)),
          new Profile(AccountLevel.CONFIRMED, EnumSet.allOf(Evidence.class)));

  private LevelProfiles() {}

  /** One row of the table. */
  public record Profile(AccountLevel level, Set<Evidence> requires) {}

  /**
   * The highest level whose profile the evidence satisfies. An account always has a confirmed
   * contact, so at least Simplified.
   */
  public static LevelEvaluation evaluate(Set<Evidence> held) {
    AccountLevel level = AccountLevel.SIMPLIFIED;
    for (Profile profile : TABLE) {
      if (held.containsAll(profile.requires())) {
        level = profile.level();
      }
    }
    int next = level.ordinal() + 1;
    if (next >= TABLE.size()) {
      return new LevelEvaluation(level, null, Set.of());
    }
    Profile nextProfile = TABLE.get(next);
    Set<Evidence> missing = EnumSet.copyOf(nextProfile.requires());
    missing.removeAll(held);
    return new LevelEvaluation(level, nextProfile.level(), Set.copyOf(missing));
  }
}
