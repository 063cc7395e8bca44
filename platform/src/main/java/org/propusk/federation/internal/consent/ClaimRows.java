package org.propusk.federation.internal.consent;

import java.util.List;
import org.propusk.federation.internal.claims.CitizenData;
import org.propusk.federation.internal.claims.ClaimCatalogue;

/** The catalogue's scopes with the citizen's values, as the consent page shows them. */
record ClaimRows(String scope, List<Row> claims) {

  /**
   * One claim: its value as shown (or a message key), how sure Propusk is of it, or, when nothing
   * is released, why ({@code withheld}, a message key suffix).
   */
  record Row(String name, String shown, boolean shownKey, String assurance, String withheld) {}

  static List<ClaimRows> of(List<String> scopes, CitizenData citizen) {
    return ClaimCatalogue.of(scopes).stream()
        .map(
            scope ->
                new ClaimRows(
                    scope.name(),
                    scope.claims().stream().filter(ClaimCatalogue.Claim::onPage).map(claim -> row(claim, citizen)).toList()))
        .toList();
  }

  private static Row row(ClaimCatalogue.Claim claim, CitizenData citizen) {
    return switch (claim.read(citizen)) {
      case ClaimCatalogue.Given given ->
          new Row(
              claim.name(),
              given.shown(),
              given.shownKey(),
              given.assurance() == ClaimCatalogue.Assurance.NOT_APPLICABLE ? null : given.assurance().name().toLowerCase(),
              null);
      case ClaimCatalogue.Withheld withheld -> new Row(claim.name(), null, false, null, withheld.reason());
    };
  }
}
