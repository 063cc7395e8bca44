package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: an account was given a role.
 *
 * @param grantedBy the administrator who granted it; null when the configuration named the first
 *     administrator
 */
public record RoleGranted(UUID accountId, Role role, UUID grantedBy, Occurrence occurrence) {}
