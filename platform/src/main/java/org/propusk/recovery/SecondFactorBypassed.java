package org.propusk.recovery;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a recovery went past the account's second factor, which the citizen said was lost,
 * with a second code to the account's other confirmed contact. Every contact is told.
 *
 * @param via {@code sms} or {@code email}: the other contact the second code went to
 */
public record SecondFactorBypassed(UUID flowId, UUID accountId, String via, Occurrence occurrence) {}
