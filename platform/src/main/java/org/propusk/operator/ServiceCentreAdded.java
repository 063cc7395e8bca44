package org.propusk.operator;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: an administrator registered a service centre (audited in the administrator's history). */
public record ServiceCentreAdded(UUID administrator, String code, Occurrence occurrence) {}
