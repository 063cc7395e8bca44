package org.propusk.shared;

import org.apache.coyote.ContinueResponseTiming;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A client that sends {@code Expect: 100-continue} is told to go on only when the application
 * reads the body (Tomcat's default tells it at once). A request refused before its body is read (no
 * CSRF token, a body announced past the limit, a path Tomcat rejects) is then answered while the
 * body is still with the client: nothing is uploaded in vain, and the client reads the refusal
 * instead of meeting a connection closed under the body it is sending.
 */
@Configuration(proxyBeanMethods = false)
class ContinueOnRead {

  @Bean
  TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
    return connector -> {
      if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
        http.setContinueResponseTiming(ContinueResponseTiming.ON_REQUEST_BODY_READ.toString());
      }
    };
  }
}
