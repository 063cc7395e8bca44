package org.propusk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.NodeList;

/**
 * The production JVM flags are written once, in {@code platform/jvm.options} (which
 * scripts/run-platform.sh passes to java), and the container image carries the same: both bound
 * the memory the same way, sized for the Argon2 working memory.
 */
class JvmOptionsTests {

  /** Hashes at once the heap is sized for: one per core up to four cores (README "Memory"). */
  private static final int HASHES_AT_ONCE = 4;

  private static final Pattern HEAP_MAXIMUM = Pattern.compile("-Xmx(\\d+)([kmg])", Pattern.CASE_INSENSITIVE);

  @Test
  void theImageRunsWithTheFlagsOfJvmOptions() throws Exception {
    assertThat(imageFlags()).isNotEmpty().isEqualTo(jvmOptions());
  }

  @Test
  void boundTheHeapChooseACollectorAndExitWhenOutOfMemory() throws IOException {
    assertThat(jvmOptions())
        .anyMatch(flag -> HEAP_MAXIMUM.matcher(flag).matches())
        .anyMatch(flag -> flag.matches("-XX:\\+Use\\w+GC"))
        .contains("-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void theArgon2WorkingMemoryTakesAtMostAThirdOfTheHeap() throws IOException {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties configuration = yaml.getObject();
    long argon2Kib = Long.parseLong(configuration.getProperty("propusk.password.argon2.memory-kib"));

    assertThat(HASHES_AT_ONCE * argon2Kib).isLessThanOrEqualTo(heapMaximumKib() / 3);
  }

  /** The flags of jvm.options: each line without its comment, blank lines skipped. */
  private static List<String> jvmOptions() throws IOException {
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(DocumentationTests.REPOSITORY.resolve("platform/jvm.options"))) {
      String flag = line.replaceFirst("#.*", "").strip();
      if (!flag.isEmpty()) {
        flags.add(flag);
      }
    }
    return flags;
  }

  private static List<String> imageFlags() throws Exception {
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(DocumentationTests.REPOSITORY.resolve("platform/pom.xml").toFile())
            .getElementsByTagName("jvmFlag");
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      flags.add(nodes.item(i).getTextContent().strip());
    }
    return flags;
  }

  private static long heapMaximumKib() throws IOException {
    for (String flag : jvmOptions()) {
      Matcher heap = HEAP_MAXIMUM.matcher(flag);
      if (heap.matches()) {
        int shift = "kmg".indexOf(Character.toLowerCase(heap.group(2).charAt(0))) * 10;
        return Long.parseLong(heap.group(1)) << shift;
      }
    }
    throw new AssertionError("no -Xmx in platform/jvm.options");
  }
}
