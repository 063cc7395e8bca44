package org.propusk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and the documents it links to hold together inside the repository. */
class DocumentationTests {

  static final Path REPOSITORY = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();
  static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyLinkOfTheReadmeAndTheDocsLeadsToAFileInTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> documents = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
    try (var docs = Files.walk(REPOSITORY.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
    }
    for (Path document : documents) {
      Matcher links = LINK.matcher(Files.readString(document));
      while (links.find()) {
        String target = links.group(1).replaceFirst("#.*$", "");
        if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
          continue; // a web address or an anchor on the same page
        }
        Path resolved = document.getParent().resolve(target).normalize();
        if (!resolved.startsWith(REPOSITORY) || !Files.exists(resolved)) {
          broken.add(REPOSITORY.relativize(document) + " -> " + links.group(1));
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theRepositoryHasALicenceAndTheReadmeSaysWhatIsNotBuilt() throws IOException {
    assertThat(Files.readString(REPOSITORY.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(REPOSITORY.resolve("README.md")))
        .contains("## Not built yet", "## Contact change", "/api/v1/me/contact-changes", "](LICENSE)");
  }
}
