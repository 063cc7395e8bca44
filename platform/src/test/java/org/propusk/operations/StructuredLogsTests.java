package org.propusk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code json-logs} profile writes one JSON object per line, with the request id that the web
 * layer puts in the MDC. Only the logging set-up of the application's configuration files is
 * started (no beans), and the plain format is put back afterwards for the tests that follow.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

  @Configuration(proxyBeanMethods = false)
  static class NothingButLogging {}

  @AfterEach
  void plainLogsAgain() {
    configureLogging();
  }

  @Test
  void writesJsonLinesWithTheRequestId(CapturedOutput output) {
    configureLogging("json-logs");
    MDC.put("requestId", "req-4f1c");
    try {
      LoggerFactory.getLogger(StructuredLogsTests.class).info("one structured line");
    } finally {
      MDC.remove("requestId");
    }

    String line =
        output.getOut().lines().filter(l -> l.contains("one structured line")).findFirst().orElseThrow();
    JsonNode json = JsonMapper.builder().build().readTree(line);
    assertThat(json.get("message").asString()).isEqualTo("one structured line");
    assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
    assertThat(json.get("requestId").asString()).isEqualTo("req-4f1c");
    assertThat(json.get("service").get("name").asString()).isEqualTo("propusk");
  }

  private static void configureLogging(String... profiles) {
    new SpringApplicationBuilder(NothingButLogging.class)
        .web(WebApplicationType.NONE)
        .profiles(profiles)
        .properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false")
        .run()
        .close();
  }
}
