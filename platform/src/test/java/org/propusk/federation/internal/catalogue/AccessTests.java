package org.propusk.federation.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.account.AccountLevel.CONFIRMED;
import static org.propusk.account.AccountLevel.SIMPLIFIED;
import static org.propusk.account.AccountLevel.STANDARD;
import static org.propusk.federation.internal.catalogue.Access.Step.CONFIRMATION;
import static org.propusk.federation.internal.catalogue.Access.Step.PROFILE;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which services a level opens, and the steps named for the others. */
class AccessTests {

  @Test
  void aLevelOpensItsOwnServicesAndThoseBelow() {
    assertThat(Access.of(SIMPLIFIED, SIMPLIFIED)).isEqualTo(new Access(true, List.of()));
    assertThat(Access.of(SIMPLIFIED, CONFIRMED)).isEqualTo(new Access(true, List.of()));
    assertThat(Access.of(STANDARD, STANDARD)).isEqualTo(new Access(true, List.of()));
    assertThat(Access.of(STANDARD, CONFIRMED)).isEqualTo(new Access(true, List.of()));
    assertThat(Access.of(CONFIRMED, CONFIRMED)).isEqualTo(new Access(true, List.of()));
  }

  @Test
  void aLockedServiceNamesEveryStepBetweenTheCitizenAndIt() {
    assertThat(Access.of(STANDARD, SIMPLIFIED)).isEqualTo(new Access(false, List.of(PROFILE)));
    assertThat(Access.of(CONFIRMED, SIMPLIFIED)).isEqualTo(new Access(false, List.of(PROFILE, CONFIRMATION)));
    assertThat(Access.of(CONFIRMED, STANDARD)).isEqualTo(new Access(false, List.of(CONFIRMATION)));
  }

  @Test
  void aVisitorWhoIsNotSignedInIsNeitherLetInNorShutOut() {
    assertThat(Access.of(CONFIRMED, null)).isEqualTo(new Access(null, List.of()));
  }

  @Test
  void eachStepStartsOnItsPage() {
    assertThat(PROFILE.page()).isEqualTo("/profile");
    assertThat(CONFIRMATION.page()).isEqualTo("/account/confirmation-ways");
  }
}
