package org.propusk.operations.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI description springdoc builds from the controllers ({@code
 * /v3/api-docs}, {@code dev} profile only); the README's JSON API table stays the reference.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  @Bean
  OpenAPI propuskApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Propusk JSON API")
                .version("v1")
                .description(
                    "Errors are application/problem+json (RFC 9457); changes need the session's CSRF token"
                        + " from GET /api/v1/csrf in the X-CSRF-TOKEN header. See the README's JSON API table.")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
  }
}
