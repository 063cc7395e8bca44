package org.propusk.authentication;

import java.util.UUID;

/** Domain event: a citizen signed in with a password, from this client address. */
public record SignedInEvent(UUID accountId, String clientAddress) {}
