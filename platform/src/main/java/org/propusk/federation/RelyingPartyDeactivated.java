package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** An administrator deactivated a relying party: it can no longer sign anyone in, its tokens are gone. */
public record RelyingPartyDeactivated(String clientId, UUID administrator, Occurrence occurrence) {}
