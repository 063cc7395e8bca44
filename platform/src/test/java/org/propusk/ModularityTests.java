package org.propusk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and their documentation is written from the code. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PropuskApplication.class);

  @Test
  void modulesUseEachOtherOnlyThroughTheirApis() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
