package org.propusk.registration;

import java.util.UUID;

/**
 * Domain event: a registration ended with its account opened. No personal data.
 *
 * @param channel {@code sms} or {@code email}, how the contact was proven
 */
public record RegistrationCompleted(UUID flowId, UUID accountId, String channel) {}
