package org.headwater.provenance.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
  @TempDir Path tmp;

  private Path store() throws Exception {
    Path store = tmp.resolve("s.zarr");
    Files.createDirectories(store.resolve("tas"));
    Files.writeString(store.resolve(".zgroup"), "{}");
    Files.writeString(store.resolve("tas/0.0"), "chunk zero");
    Files.writeString(store.resolve("tas/1.0"), "chunk one");
    return store;
  }

  @Test
  void aManifestIsSha256sumOutputSortedByPath() throws Exception {
    Path store = store();
    assertThat(Checksums.manifest(store)).isEqualTo(
        Checksums.sha256("{}".getBytes(StandardCharsets.UTF_8)) + "  .zgroup\n"
            + Checksums.sha256("chunk zero".getBytes(StandardCharsets.UTF_8)) + "  tas/0.0\n"
            + Checksums.sha256("chunk one".getBytes(StandardCharsets.UTF_8)) + "  tas/1.0\n");
    assertThat(Checksums.sha256(store))
        .isEqualTo(Checksums.sha256(Checksums.manifest(store).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void knownHashesAreUsedForFilesOfTheKnownSizeAndTheRestIsRead() throws Exception {
    Path store = store();
    String zero = Checksums.sha256("chunk zero".getBytes(StandardCharsets.UTF_8));
    assertThat(Checksums.sha256(store, Map.of("tas/0.0", new Checksums.Known(10, zero))))
        .as("the right hash, known")
        .isEqualTo(Checksums.sha256(store));

    String other = "f".repeat(64);
    assertThat(Checksums.sha256(store, Map.of("tas/1.0", new Checksums.Known(9, other))))
        .as("a known hash is not read again (here, one that is wrong on purpose)")
        .isEqualTo(Checksums.sha256(Checksums.manifest(store)
            .replace(Checksums.sha256("chunk one".getBytes(StandardCharsets.UTF_8)), other)
            .getBytes(StandardCharsets.UTF_8)));
    assertThat(Checksums.sha256(store, Map.of("tas/1.0", new Checksums.Known(8, other))))
        .as("a file whose size changed since is hashed again")
        .isEqualTo(Checksums.sha256(store));
  }
}
