package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a wrong second-factor code was typed at sign-in, after the right password.
 *
 * @param method the {@code amr} name of the method tried ({@code otp}, {@code sms}, {@code rc})
 */
public record SecondFactorFailed(UUID accountId, String method, Occurrence occurrence) {}
