package org.propusk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The Propusk identity platform: one Spring Modulith application, one module per capability. */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class PropuskApplication {

  public static void main(String[] args) {
    SpringApplication.run(PropuskApplication.class, args);
  }
}
