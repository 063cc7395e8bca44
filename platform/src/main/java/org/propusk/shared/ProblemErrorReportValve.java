package org.propusk.shared;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own answer to what it refuses before the application sees it (a path with an encoded
 * NUL or slash, a malformed request line): an RFC 9457 problem, as every other error is, instead of
 * Tomcat's HTML page, and naming nothing of the server. Errors the application answered itself are
 * left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.isCommitted() || response.getContentWritten() > 0 || !response.isError()) {
      return;
    }
    try {
      response.resetBuffer();
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad request" : "Server error")
            + "\",\"status\":" + status + "}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away: nothing left to answer
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Installation {

    /** Put in place of Tomcat's valve on the host, before the server starts. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
      return context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      };
    }
  }
}
