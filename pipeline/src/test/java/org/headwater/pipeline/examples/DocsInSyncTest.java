package org.headwater.pipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/beam-users.md shows the examples' code exactly as the test suite compiles and runs it. */
class DocsInSyncTest {
  private static final Path DOC = Path.of("../docs/beam-users.md");
  private static final Path EXAMPLES = Path.of("src/test/java/org/headwater/pipeline/examples");

  @ParameterizedTest
  @CsvSource({"DemoPipeline.java, demo", "NcoPipeline.java, nco"})
  void theDocShowsTheExampleBetweenItsMarkers(String file, String tag) throws IOException {
    String region = region(Files.readAllLines(EXAMPLES.resolve(file)), tag);
    assertThat(region.lines().count()).as("lines between the markers of %s", file).isGreaterThan(10);
    assertThat(Files.readString(DOC))
        .as("docs/beam-users.md must hold %s's code between // [START %s] and // [END %s],"
            + " unindented by 4 spaces, as a ```java block", file, tag, tag)
        .contains("```java\n" + region + "```\n");
  }

  /** The lines between the markers, without the method body's 4-space indent. */
  static String region(List<String> lines, String tag) {
    int start = lines.indexOf("    // [START " + tag + "]");
    int end = lines.indexOf("    // [END " + tag + "]");
    assertThat(start).as("// [START %s]", tag).isNotNegative();
    assertThat(end).as("// [END %s]", tag).isGreaterThan(start);
    return lines.subList(start + 1, end).stream()
        .map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
