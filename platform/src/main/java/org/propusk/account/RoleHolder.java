package org.propusk.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account that holds a role, as the admin pages list it.
 *
 * @param login the account's phone (E.164) or, without one, its e-mail
 * @param grantedBy the administrator who granted it; null when it came from configuration
 */
public record RoleHolder(
    UUID accountId, String lastName, String firstName, String login, Role role, Instant grantedAt, UUID grantedBy) {}
