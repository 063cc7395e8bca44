package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** An administrator changed a relying party's registration; {@code version} is the new one. */
public record RelyingPartyChanged(String clientId, int version, UUID administrator, Occurrence occurrence) {}
