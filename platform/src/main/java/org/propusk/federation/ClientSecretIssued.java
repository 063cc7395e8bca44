package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** An administrator had a new secret made for a relying party; the old one stopped working. */
public record ClientSecretIssued(String clientId, UUID administrator, Occurrence occurrence) {}
