package org.propusk.federation.internal.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propusk.account.AccountLevel.CONFIRMED;
import static org.propusk.account.AccountLevel.SIMPLIFIED;
import static org.propusk.account.AccountLevel.STANDARD;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestedLevelTests {

  @Test
  void withoutAcrValuesTheClientsMinimumCounts() {
    assertThat(RequestedLevel.needed(Optional.empty(), SIMPLIFIED)).isEqualTo(SIMPLIFIED);
    assertThat(RequestedLevel.needed(Optional.empty(), STANDARD)).isEqualTo(STANDARD);
  }

  @Test
  void theLowestLevelTheClientAcceptsCounts() {
    assertThat(RequestedLevel.needed(Optional.of("urn:propusk:level:confirmed urn:propusk:level:standard"), SIMPLIFIED))
        .isEqualTo(STANDARD);
    assertThat(RequestedLevel.needed(Optional.of("urn:propusk:level:confirmed"), SIMPLIFIED)).isEqualTo(CONFIRMED);
  }

  @Test
  void acrValuesNeverGoBelowTheClientsMinimum() {
    assertThat(RequestedLevel.needed(Optional.of("urn:propusk:level:simplified"), STANDARD)).isEqualTo(STANDARD);
  }

  @Test
  void valuesThatAreNoPropuskLevelAreIgnored() {
    assertThat(RequestedLevel.needed(Optional.of("urn:mace:incommon:iap:silver  urn:propusk:level:STANDARD"), SIMPLIFIED))
        .isEqualTo(SIMPLIFIED);
    assertThat(RequestedLevel.needed(Optional.of("1 urn:propusk:level:standard"), SIMPLIFIED)).isEqualTo(STANDARD);
  }
}
