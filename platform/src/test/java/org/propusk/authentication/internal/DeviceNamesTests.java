package org.propusk.authentication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceNamesTests {

  private final DeviceNames names = new DeviceNames();

  @Test
  void namesTheBrowserWithItsMajorVersionAndTheSystem() {
    String chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    assertThat(names.describe(chrome)).hasValue("Chrome 131, Windows");
  }

  @Test
  void namesAPhoneByItsBrowserAndSystem() {
    String iphone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Mobile/15E148 Safari/604.1";

    assertThat(names.describe(iphone)).hasValue("Mobile Safari 17, iOS");
  }

  @Test
  void namesWhatItRecognisesOfAClient() {
    assertThat(names.describe("curl/8.5.0")).hasValue("curl 8");
  }

  @Test
  void saysNothingOfAnUnknownOrMissingUserAgent() {
    assertThat(names.describe("something-else")).isEmpty();
    assertThat(names.describe("  ")).isEmpty();
    assertThat(names.describe(null)).isEmpty();
  }
}
