package org.propusk.registration;

import java.util.UUID;

/**
 * Domain event: a registration began and its first code is on its way. No personal data.
 *
 * @param channel {@code sms} or {@code email}
 */
public record RegistrationStarted(UUID flowId, String channel) {}
