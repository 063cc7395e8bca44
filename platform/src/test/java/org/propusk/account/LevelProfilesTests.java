package org.propusk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelProfilesTests {

  @Test
  void aConfirmedContactAloneGivesSimplifiedWithSnilsAndPassportMissing() {
    LevelEvaluation evaluation = LevelProfiles.evaluate(EnumSet.of(Evidence.CONFIRMED_CONTACT));
    assertThat(evaluation.level()).isEqualTo(AccountLevel.SIMPLIFIED);
    assertThat(evaluation.next()).isEqualTo(AccountLevel.STANDARD);
    assertThat(evaluation.missingForNext()).containsExactlyInAnyOrder(Evidence.VERIFIED_SNILS, Evidence.VERIFIED_PASSPORT);
  }

  @Test
  void verifiedSnilsAndPassportGiveStandard() {
    LevelEvaluation evaluation =
        LevelProfiles.evaluate(EnumSet.of(Evidence.CONFIRMED_CONTACT, Evidence.VERIFIED_SNILS, Evidence.VERIFIED_PASSPORT));
    assertThat(evaluation.level()).isEqualTo(AccountLevel.STANDARD);
    assertThat(evaluation.missingForNext()).containsExactly(Evidence.PROVEN_IDENTITY);
  }

  @Test
  void onlyOneVerifiedDocumentStaysSimplified() {
    assertThat(LevelProfiles.evaluate(EnumSet.of(Evidence.CONFIRMED_CONTACT, Evidence.VERIFIED_SNILS)).level())
        .isEqualTo(AccountLevel.SIMPLIFIED);
  }

  @Test
  void provenIdentityWithoutVerifiedDocumentsIsNotConfirmed() {
    assertThat(LevelProfiles.evaluate(EnumSet.of(Evidence.CONFIRMED_CONTACT, Evidence.PROVEN_IDENTITY)).level())
        .isEqualTo(AccountLevel.SIMPLIFIED);
  }

  @Test
  void allEvidenceGivesConfirmedWithNothingAbove() {
    LevelEvaluation evaluation = LevelProfiles.evaluate(EnumSet.allOf(Evidence.class));
    assertThat(evaluation.level()).isEqualTo(AccountLevel.CONFIRMED);
    assertThat(evaluation.next()).isNull();
    assertThat(evaluation.missingForNext()).isEqualTo(Set.of());
  }
}
