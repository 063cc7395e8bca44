package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/** Domain event: an account's password was changed; its other sessions are ended. */
public record PasswordChanged(UUID accountId, Occurrence occurrence) {}
