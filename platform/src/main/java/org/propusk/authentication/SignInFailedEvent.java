package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a sign-in failed (wrong login or password). Carries no login.
 *
 * @param accountId the account the login names, null for a login that matches none
 */
public record SignInFailedEvent(UUID accountId, Occurrence occurrence) {}
