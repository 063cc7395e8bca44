package org.propusk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts people read: a key written twice silently keeps only its last text (one problem then
 * answered another's words), and a key in one language only falls back to the other language.
 */
class MessageBundlesTests {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_en.properties"})
  void noKeyIsWrittenTwice(String bundle) throws IOException {
    List<String> written = new ArrayList<>();
    Properties counting =
        new Properties() {
          @Override
          public synchronized Object put(Object key, Object value) {
            written.add((String) key);
            return super.put(key, value);
          }
        };
    load(bundle, counting);
    assertThat(written).as(bundle).doesNotHaveDuplicates();
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties russian = new Properties();
    Properties english = new Properties();
    load("messages.properties", russian);
    load("messages_en.properties", english);
    Set<String> russianKeys = russian.stringPropertyNames();
    Set<String> englishKeys = english.stringPropertyNames();
    assertThat(englishKeys).as("in English, not in Russian").isSubsetOf(russianKeys);
    assertThat(russianKeys).as("in Russian, not in English").isSubsetOf(englishKeys);
  }

  private void load(String bundle, Properties into) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
      into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }
}
