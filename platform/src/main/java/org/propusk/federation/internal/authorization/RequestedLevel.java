package org.propusk.federation.internal.authorization;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.propusk.account.AccountLevel;

/**
 * The account level an authorization request needs: the lowest Propusk level among its
 * {@code acr_values} (a list of what the client would accept, in order of preference), raised to
 * the least level the client is registered with. Values that are not Propusk levels are ignored,
 * as OpenID Connect asks of voluntary {@code acr} requests; ID tokens name the level as
 * {@code urn:propusk:level:<level>}.
 */
public final class RequestedLevel {

  private static final String ACR_PREFIX = "urn:propusk:level:";

  private RequestedLevel() {}

  /** The {@code acr} value naming a level, in ID tokens and discovery. */
  public static String acr(AccountLevel level) {
    return ACR_PREFIX + level.apiName();
  }

  public static AccountLevel needed(Optional<String> acrValues, AccountLevel clientMinimum) {
    AccountLevel asked =
        acrValues.stream()
            .flatMap(values -> Arrays.stream(values.split(" ")))
            .map(RequestedLevel::level)
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder())
            .orElse(AccountLevel.SIMPLIFIED);
    return asked.compareTo(clientMinimum) >= 0 ? asked : clientMinimum;
  }

  private static Optional<AccountLevel> level(String acr) {
    if (!acr.startsWith(ACR_PREFIX)) {
      return Optional.empty();
    }
    String name = acr.substring(ACR_PREFIX.length());
    return Arrays.stream(AccountLevel.values()).filter(level -> level.apiName().equals(name)).findFirst();
  }
}
