package org.propusk.federation.internal.authorization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.propusk.shared.AuthenticationMethod;
import org.propusk.shared.Citizen;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON of stored authorizations: Spring Security's modules with their allow-list of classes
 * (default typing is on, so a class name in the data must be allowed to be instantiated), plus
 * {@link Citizen}, the principal of every authorization. Its map of methods is written without a
 * type id ({@code Map.copyOf} gives JDK-internal classes, neither allowed nor constructible) and
 * read as a plain map, which the record's constructor copies. Boot's own {@code JsonMapper} has no
 * default typing and must never get it: this mapper is used only here.
 */
final class AuthorizationJson {

  private AuthorizationJson() {}

  static JsonMapper mapper() {
    ClassLoader loader = AuthorizationJson.class.getClassLoader();
    BasicPolymorphicTypeValidator.Builder allowed =
        BasicPolymorphicTypeValidator.builder().allowIfSubType(Citizen.class);
    SimpleModule citizen = new SimpleModule("propusk-citizen");
    citizen.setMixInAnnotation(Citizen.class, CitizenMixin.class);
    return JsonMapper.builder()
        .addModules(SecurityJacksonModules.getModules(loader, allowed))
        .addModule(citizen)
        .build();
  }

  /**
   * The record as it is, except the map of methods, which is written without a type id; its name
   * (the account id again) is not written.
   */
  @JsonIgnoreProperties(value = "name", allowGetters = false)
  @JsonDeserialize(using = CitizenReader.class)
  abstract static class CitizenMixin {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    abstract Map<AuthenticationMethod, Instant> methods();
  }

  /**
   * Reads the citizen component by component: default typing would otherwise ask the map of
   * methods for a type id, and the record's own constructor copies the plain map it is given.
   */
  static final class CitizenReader extends ValueDeserializer<Citizen> {
    @Override
    public Citizen deserialize(JsonParser parser, DeserializationContext context) {
      JsonNode node = context.readTree(parser);
      Map<AuthenticationMethod, Instant> methods = new HashMap<>();
      JsonNode proofs = node.get("methods");
      if (proofs != null && proofs.isObject()) {
        proofs.properties()
            .forEach(
                proof ->
                    methods.put(
                        AuthenticationMethod.valueOf(proof.getKey()),
                        context.readTreeAsValue(proof.getValue(), Instant.class)));
      }
      return new Citizen(
          UUID.fromString(node.get("accountId").asString()),
          context.readTreeAsValue(node.get("signedInAt"), Instant.class),
          node.get("level").asString(),
          methods);
    }
  }
}
