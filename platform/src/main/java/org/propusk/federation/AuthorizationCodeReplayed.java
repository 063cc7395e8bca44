package org.propusk.federation;

import java.util.UUID;
import org.propusk.shared.Occurrence;

/**
 * Domain event: an authorization code was presented again after it had been used; the tokens
 * issued for it were revoked, since one of the two presenters may have stolen it.
 */
public record AuthorizationCodeReplayed(UUID accountId, String clientId, Occurrence occurrence) {}
