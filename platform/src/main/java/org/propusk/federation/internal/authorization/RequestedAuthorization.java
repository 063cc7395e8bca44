package org.propusk.federation.internal.authorization;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * An authorization request as it will be answered: its own parameters, or, for a pushed request
 * (RFC 9126), those pushed before. {@code redirectUri} is one the client registered (checked, or
 * the only one), so errors may be sent to it. {@code returnAddress} is the request as a path of
 * this site to come back to after the sign-in or the level page.
 */
public record RequestedAuthorization(
    RegisteredClient client,
    String redirectUri,
    String state,
    Map<String, Object> parameters,
    boolean pushed,
    String returnAddress) {

  /** Where {@link AuthenticationRequirementsFilter} leaves it for the entry point and the prompt=none matcher. */
  static final String ATTRIBUTE = RequestedAuthorization.class.getName();

  public RequestedAuthorization {
    parameters = Map.copyOf(parameters);
  }

  /** The request of this HTTP request, once the requirements filter has read it. */
  public static Optional<RequestedAuthorization> of(HttpServletRequest request) {
    return Optional.ofNullable((RequestedAuthorization) request.getAttribute(ATTRIBUTE));
  }

  /** A parameter's value; the first, should it have been sent twice. */
  public Optional<String> parameter(String name) {
    return switch (parameters.get(name)) {
      case String value -> Optional.of(value);
      case String[] values when values.length > 0 -> Optional.of(values[0]);
      case null, default -> Optional.empty();
    };
  }

  /** The {@code prompt} values, e.g. {@code none}, {@code login}. */
  public Set<String> prompt() {
    return parameter("prompt")
        .map(p -> Arrays.stream(p.split(" ")).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** {@code max_age} in seconds, when it is a whole number; otherwise as if absent. */
  public Optional<Long> maxAge() {
    return parameter("max_age").filter(age -> age.matches("[0-9]{1,9}")).map(Long::valueOf);
  }

  /** {@code prompt=login}, or {@code max_age=0}, which means the same (OpenID Connect Core 3.1.2.1). */
  public boolean freshSignInAsked() {
    return prompt().contains("login") || maxAge().filter(age -> age == 0).isPresent();
  }
}
