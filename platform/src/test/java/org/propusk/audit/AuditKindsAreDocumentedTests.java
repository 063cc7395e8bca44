package org.propusk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of audit event is described for people, in every language. */
class AuditKindsAreDocumentedTests {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_en.properties"})
  void everyAuditKindHasADescription(String bundle) throws IOException {
    Properties messages = new Properties();
    try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
      messages.load(in);
    }
    for (AuditKind kind : AuditKind.values()) {
      assertThat(messages.getProperty("audit.kind." + kind.key())).as(kind + " in " + bundle).isNotBlank();
    }
  }
}
