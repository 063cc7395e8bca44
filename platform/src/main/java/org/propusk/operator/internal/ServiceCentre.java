package org.propusk.operator.internal;

import java.util.UUID;

/** A service centre where operators confirm identities: its code (as in the audit trail), name and address. */
record ServiceCentre(UUID id, String code, String name, String address) {}
