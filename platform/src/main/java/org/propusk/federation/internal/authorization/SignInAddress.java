package org.propusk.federation.internal.authorization;

import org.propusk.account.AccountLevel;
import org.propusk.shared.TextLimit;

/**
 * Where Propusk's sign-in flow is asked to sign the citizen in for an authorization request:
 * {@code /login?return=<the request>}, which comes back to it when done, with {@code login_hint}
 * (pre-fills the login field, nothing more), {@code max_age} and the {@code level} needed (the
 * flow carries them; the authorization endpoint checks both again on return).
 */
public final class SignInAddress {

  private static final int MAX_HINT = 320;

  private SignInAddress() {}

  /** Whether the request can make the way through the sign-in without being cut off. */
  public static boolean fits(RequestedAuthorization authorization) {
    return authorization.returnAddress().length() <= TextLimit.RETURN_ADDRESS.max();
  }

  /**
   * @param fresh a sign-in made now is asked for ({@code prompt=login}): the sign-in page must show
   *     its form even to a citizen signed in a moment ago, so no {@code max_age} is passed on
   */
  public static String of(RequestedAuthorization authorization, boolean fresh, AccountLevel level) {
    StringBuilder login =
        new StringBuilder("/login?return=").append(AuthorizationRequests.encode(authorization.returnAddress()));
    authorization
        .parameter("login_hint")
        .map(String::strip)
        .filter(hint -> !hint.isEmpty() && hint.length() <= MAX_HINT)
        .ifPresent(hint -> login.append("&login_hint=").append(AuthorizationRequests.encode(hint)));
    if (!fresh) {
      authorization.maxAge().ifPresent(age -> login.append("&max_age=").append(age));
    }
    if (level.compareTo(AccountLevel.SIMPLIFIED) > 0) {
      login.append("&level=").append(level.apiName());
    }
    return login.toString();
  }
}
