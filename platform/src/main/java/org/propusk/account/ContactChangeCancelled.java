package org.propusk.account;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a pending contact change was cancelled before it took effect; the old contact
 * stays.
 *
 * @param channel {@code sms} or {@code email}: which contact was to change
 * @param byLink through the link sent to the old contact (every session of the account ended then),
 *     or by the signed-in owner
 */
public record ContactChangeCancelled(UUID accountId, String channel, boolean byLink, Occurrence occurrence) {}
