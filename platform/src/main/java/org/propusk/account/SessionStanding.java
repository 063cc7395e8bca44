package org.propusk.account;

import java.time.Instant;

/**
 * What a session needs to know about its account on every request: sessions begun before {@code
 * validFrom} are over (null: none are), and the level the session was granted must be the current
 * one, or the session gets a new id.
 */
public record SessionStanding(Instant validFrom, AccountLevel level) {}
