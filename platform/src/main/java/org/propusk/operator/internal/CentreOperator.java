package org.propusk.operator.internal;

import java.time.Instant;
import java.util.UUID;

/** An operator of a centre, as the admin page lists them. */
record CentreOperator(UUID accountId, UUID centreId, String lastName, String firstName, String login, Instant addedAt) {}
