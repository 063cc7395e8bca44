package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: an administrator took a role away from an account. */
public record RoleRevoked(UUID accountId, Role role, UUID revokedBy, Occurrence occurrence) {}
