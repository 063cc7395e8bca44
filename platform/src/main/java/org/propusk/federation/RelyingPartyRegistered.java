package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** An administrator registered a relying party (audited in the administrator's history). */
public record RelyingPartyRegistered(String clientId, UUID administrator, Occurrence occurrence) {}
