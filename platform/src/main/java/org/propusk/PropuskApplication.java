package org.propusk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.modulith.Modulithic;

/** The Propusk identity platform: one Spring Modulith application, one module per capability. */
@Modulithic(sharedModules = "shared")
// no default user with a generated password: citizens sign in through the authentication module
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class PropuskApplication {

  public static void main(String[] args) {
    SpringApplication.run(PropuskApplication.class, args);
  }
}
