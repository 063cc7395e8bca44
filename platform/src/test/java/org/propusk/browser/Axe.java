package org.propusk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core on the page the browser shows: what it finds against WCAG 2.0/2.1 A and AA, one line
 * per rule broken with the elements that break it. The script comes from the axe-core jar and is
 * put into the page through the driver, so the page's security policy is not loosened. (The same
 * as main's {@code Browser.accessibilityViolations()}, for the pages this branch checks without a
 * screenshot; either can go once both are on one branch.)
 */
final class Axe {

  private static final String SCRIPT = script();

  private Axe() {}

  static List<String> violations(Browser browser) {
    browser.script(SCRIPT);
    Object found =
        ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                        + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
    return ((List<?>) found).stream().map(String::valueOf).toList();
  }

  private static String script() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
