package org.propusk.authentication;

import java.util.UUID;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Occurrence;

/**
 * Domain event: a second factor ({@link AuthenticationMethod#TOTP} or {@link
 * AuthenticationMethod#SMS}) was turned on or off; the owner is told, whoever did it.
 */
public record SecondFactorChanged(UUID accountId, AuthenticationMethod method, boolean on, Occurrence occurrence) {}
