package org.headwater.pipeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.apache.beam.sdk.Pipeline;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.NetcdfFixtures;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecords;
import org.headwater.zarr.ZarrReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each {@code withX} of the read and write transforms has its effect. */
class ReadWriteOptionsIT {
  @TempDir Path tmp;
  String folder;
  HeadwaterRun run;
  Pipeline p;

  @BeforeEach
  void setUp() throws Exception {
    for (int t = 0; t < 3; t++) {
      NetcdfFixtures.write(tmp.resolve("src/tas_" + t + ".nc"), t * 2, 2, 0, "tas");
    }
    folder = tmp.resolve("src").toUri().toString();
    run = HeadwaterRun.create(new RecipeInfo("options", null, null, null, null, null, null, null, null),
        RunOptions.defaults(tmp.resolve("work")));
    p = run.newPipeline();
  }

  private ReadDataset tas() {
    return HeadwaterIO.read("tas").from(folder + "tas_{time}.nc")
        .withConcatDimension("time", List.of("0", "1", "2"), false);
  }

  @Test
  void chunksCompressorAndPathShapeTheZarrStore() throws Exception {
    p.apply("Read", tas()).apply("Write", HeadwaterIO.writeZarr("cube")
        .withChunks(Map.of("time", 1)).withCompressor(Map.of("id", "none")).toPath("dir/tas.zarr"));
    RunResult r = run.run(p);
    ZarrReader z = ZarrReader.open(r.runDir().resolve("outputs/dir/tas.zarr"));
    assertThat(z.metadata("tas").chunks()[0]).isEqualTo(1);
    assertThat(z.metadata("tas").shape()[0]).isEqualTo(6);
    assertThat(Files.readString(r.runDir().resolve("outputs/dir/tas.zarr/tas/.zarray")))
        .containsPattern("\"compressor\"\\s*:\\s*null");
  }

  @Test
  void aFileThatDiffersFromItsChecksumFailsTheRunNamingTheUrl() throws Exception {
    String good = Hashing.sha256Hex(tmp.resolve("src/tas_0.nc"));
    p.apply("Read", tas().withChecksums(Map.of("tas_0.nc", good, "tas_1.nc", "0".repeat(64))))
        .apply("Write", HeadwaterIO.writeNetcdf("file"));
    assertThatThrownBy(() -> run.run(p)).isInstanceOf(RecipeException.class)
        .hasMessageContaining("checksum mismatch for " + folder + "tas_1.nc");
    assertThat(RunRecords.read(run.runDir()).status()).isEqualTo("failed");
  }

  @Test
  void skipMissingLeavesOutAndRecordsAMissingFile() throws Exception {
    Files.delete(tmp.resolve("src/tas_2.nc"));
    p.apply("Read", tas().skipMissing()).apply("Write", HeadwaterIO.writeNetcdf("file"));
    RunResult r = run.run(p);
    assertThat(r.record().skipped()).singleElement()
        .satisfies(s -> assertThat(s.url()).endsWith("tas_2.nc"));
    assertThat(r.record().inputs()).hasSize(2);
  }

  @Test
  void withCacheKeepsDownloadsInTheGivenFolder() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody(new Buffer().write(Files.readAllBytes(tmp.resolve("src/tas_0.nc")))));
      server.start();
      Path cache = tmp.resolve("my-cache");
      p.apply("Read", HeadwaterIO.read("tas").from(server.url("/tas.nc").toString()).withCache(cache.toString()))
          .apply("Write", HeadwaterIO.writeNetcdf("file"));
      RunResult r = run.run(p);
      String sha = r.record().inputs().get(0).sha256();
      try (Stream<Path> files = Files.walk(cache)) {
        assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
            .anyMatch(name -> name.contains(sha));
      }
      assertThat(tmp.resolve("work/cache")).doesNotExist();
    }
  }
}
