package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: wrong second-factor codes are being typed for the account, so whoever types them
 * seems to know its password (at sign-in, or after proving a contact in a recovery). Published
 * with the first wrong code and then at most once an hour per account ({@code
 * second-factor-notice}), for the owner's notice only: the audit records each wrong code at
 * sign-in through {@link SecondFactorFailed}.
 *
 * @param method the {@code amr} name of the method tried ({@code otp}, {@code sms}, {@code rc})
 */
public record WrongSecondFactorCodes(UUID accountId, String method, Occurrence occurrence) {}
