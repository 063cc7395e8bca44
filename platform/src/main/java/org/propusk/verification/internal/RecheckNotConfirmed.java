package org.propusk.verification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.propusk.shared.Problem;
import org.propusk.verification.Document;

/**
 * A change that would take back a registry's confirmation (a new SNILS or passport, or new names
 * or birth date that the checked documents were matched with) was sent without {@code
 * confirmRecheck}: until the new data is checked, the document is no longer verified and the level
 * falls, so the citizen is asked first. Lists the documents concerned.
 */
class RecheckNotConfirmed extends Problem {

  private final List<String> documents;

  RecheckNotConfirmed(Set<Document> documents) {
    super(409, "recheck-not-confirmed");
    this.documents = documents.stream().sorted().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("documents", documents);
  }
}
