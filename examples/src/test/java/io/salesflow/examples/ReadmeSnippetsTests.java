package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every tagged region of the sources appears verbatim in the README, so the README's snippets compile. */
class ReadmeSnippetsTests {
  static final Pattern TAG = Pattern.compile("// tag::([a-z0-9-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  static String unindent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", out);
  }

  @Test
  void readmeQuotesEveryTaggedSnippetVerbatim() throws IOException {
    Path root = root();
    String readme = Files.readString(root.resolve("README.md"));
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")
          && !p.toString().contains("/target/")).toList();
    }
    int snippets = 0;
    for (Path source : sources) {
      Matcher m = TAG.matcher(Files.readString(source));
      while (m.find()) {
        snippets++;
        // the line above "tag::" may hold the first line (a method signature) in the README too
        String snippet = unindent(m.group(2));
        assertThat(readme).as("README.md should quote snippet '%s' of %s verbatim", m.group(1), source.getFileName())
            .contains(snippet);
      }
    }
    assertThat(snippets).as("tagged snippets found").isGreaterThanOrEqualTo(9);
  }
}
