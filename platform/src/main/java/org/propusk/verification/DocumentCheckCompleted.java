package org.propusk.verification;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: a registry check ended, verified or failed. No personal data. */
public record DocumentCheckCompleted(
    UUID accountId, Document document, CheckState outcome, CheckReason reason, Occurrence occurrence) {}
