package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.SoftwareInfo;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static List<String> summary(int files) {
    List<InputRecord> inputs = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      inputs.add(new InputRecord(String.format("file:/data/day_%04d.nc", i), "https://doi.org/10.5072/X",
          String.format("%064x", i), 100, Instant.EPOCH, null, null, "netcdf", Map.of(), i % 2 == 0));
    }
    RunRecord record = new RunRecord("r1", RunRecord.SUCCEEDED,
        new RecipeInfo("demo", "0".repeat(64), "recipe.yaml", "t", "d", "CC0-1.0", List.of(), List.of(), List.of()),
        Instant.EPOCH, Instant.EPOCH, new SoftwareInfo("0.1", "17", "2.70.0", "4.5.5", "DirectRunner"),
        inputs, List.of(new SkippedInput("file:/data/day_9999.nc", Map.of(), "missing: skip")), List.of(), List.of(), null);
    StringWriter text = new StringWriter();
    Summary.print(new PrintWriter(text), new RunResult(Path.of("/work/runs/r1"), record));
    return text.toString().lines().toList();
  }

  @Test
  void smallRunsListEveryFile() {
    List<String> lines = summary(5);
    assertThat(lines.get(1)).isEqualTo("read 5 source files (500 bytes, 3 from the cache):");
    assertThat(lines).filteredOn(l -> l.startsWith("  file:")).hasSize(5);
    assertThat(lines).contains("  skipped file:/data/day_9999.nc (missing: skip)");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("/work/runs/r1");
  }

  @Test
  void oneOfEachIsSingular() {
    List<String> lines = summary(1);
    assertThat(lines.get(1)).isEqualTo("read 1 source file (100 bytes, 1 from the cache):");
    assertThat(lines).contains("wrote 0 outputs:");
    assertThat(String.join("\n", lines)).doesNotContainPattern("\\b1 [a-z]+s\\b");
  }

  @Test
  void largeRunsListTheFirstAndLastFilesAndPointToRunJson() {
    List<String> lines = summary(1460);
    assertThat(lines.get(1)).isEqualTo("read 1460 source files (146000 bytes, 730 from the cache):");
    List<String> listed = lines.stream().filter(l -> l.startsWith("  file:")).toList();
    assertThat(listed).hasSize(Summary.MAX_LISTED);
    assertThat(listed.get(0)).startsWith("  file:/data/day_0000.nc  sha256:000000000000  100 bytes  (cached)");
    assertThat(listed.get(listed.size() - 1)).startsWith("  file:/data/day_1459.nc");
    assertThat(lines).contains("  ... 1448 more (every file with its SHA-256 is in run.json)");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("/work/runs/r1");
  }
}
