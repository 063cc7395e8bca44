package org.propusk.federation.internal.claims;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.propusk.account.Accounts;
import org.propusk.verification.IdentityProfiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims of the granted scopes, with the citizen's values as they are now (not as they were at
 * sign-in): a relying party asking userinfo later sees a changed e-mail or a newly verified SNILS.
 */
@Component
public class ReleasedClaims {

  private final Accounts accounts;
  private final IdentityProfiles profiles;

  ReleasedClaims(Accounts accounts, IdentityProfiles profiles) {
    this.accounts = accounts;
    this.profiles = profiles;
  }

  /**
   * The citizen's data; empty when the account no longer exists. The account and its profile are
   * read in one transaction: one snapshot, and one round trip to begin and end it instead of two.
   */
  @Transactional(readOnly = true)
  public Optional<CitizenData> read(UUID accountId) {
    return accounts.find(accountId).map(account -> new CitizenData(accountId, account, profiles.profile(accountId)));
  }

  /**
   * The values for userinfo: exactly the claims of these scopes that have a value that may be
   * released (unverified SNILS or passport, absent e-mail: not at all), in the catalogue's order.
   */
  public static Map<String, Object> forUserInfo(Collection<String> scopes, CitizenData citizen) {
    Map<String, Object> claims = new LinkedHashMap<>();
    ClaimCatalogue.claimsOf(scopes).stream()
        .filter(claim -> claim.channel() != ClaimCatalogue.Channel.ID_TOKEN)
        .forEach(
            claim -> {
              if (claim.read(citizen) instanceof ClaimCatalogue.Given given) {
                claims.put(claim.name(), given.json());
              }
            });
    return claims;
  }
}
