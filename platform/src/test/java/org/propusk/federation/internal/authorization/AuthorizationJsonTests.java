package org.propusk.federation.internal.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored authorization keeps its principal, the {@link Citizen}, through the JSON that the
 * authorization service writes into {@code oauth2_authorization.attributes} and reads back.
 */
class AuthorizationJsonTests {

  static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

  static Stream<Map<AuthenticationMethod, Instant>> methods() {
    Map<AuthenticationMethod, Instant> three = new EnumMap<>(AuthenticationMethod.class);
    three.put(AuthenticationMethod.PASSWORD, AT);
    three.put(AuthenticationMethod.TOTP, AT.plusSeconds(20));
    three.put(AuthenticationMethod.RECOVERY_CODE, AT.plus(3, ChronoUnit.MINUTES));
    return Stream.of(Map.of(), Map.of(AuthenticationMethod.PASSWORD, AT), three);
  }

  @ParameterizedTest
  @MethodSource("methods")
  void theCitizenComesBackAsItWasStored(Map<AuthenticationMethod, Instant> methods) {
    JsonMapper mapper = AuthorizationJson.mapper();
    Citizen citizen = new Citizen(UUID.randomUUID(), AT.minusSeconds(60), "STANDARD", methods);
    Authentication principal =
        UsernamePasswordAuthenticationToken.authenticated(citizen, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));

    // as the service writes the attributes: a mutable map, its class named in the data
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(Principal.class.getName(), principal);
    String json = mapper.writeValueAsString(attributes);
    Map<String, Object> read = mapper.readValue(json, new TypeReference<Map<String, Object>>() {});

    assertThat(read.get(Principal.class.getName())).isInstanceOf(UsernamePasswordAuthenticationToken.class);
    Authentication back = (Authentication) read.get(Principal.class.getName());
    assertThat(back.getPrincipal()).isEqualTo(citizen);
    assertThat(((Citizen) back.getPrincipal()).authenticatedAt()).isEqualTo(citizen.authenticatedAt());
    assertThat(back.getName()).isEqualTo(citizen.accountId().toString());
    assertThat(back.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CITIZEN");
    assertThat(back.isAuthenticated()).isTrue();
  }

  @Test
  void otherClassesThanTheAllowedOnesAreRefused() {
    // default typing with an allow-list: a class name smuggled into the data is not instantiated
    String hostile = "{\"@class\":\"java.util.HashMap\",\"x\":{\"@class\":\"java.net.URL\",\"host\":\"example.org\"}}";
    JsonMapper mapper = AuthorizationJson.mapper();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> mapper.readValue(hostile, new TypeReference<Map<String, Object>>() {}))
        .hasMessageContaining("java.net.URL");
  }
}
