package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZarrReaderTest {
  @TempDir Path tmp;
  Path store;
  final ArrayMetadata meta = new ArrayMetadata(new int[] {6}, new int[] {3}, ZarrDType.INT32, Compressor.zlib(1), null);

  @BeforeEach
  void setUp() {
    store = tmp.resolve("in.zarr").toAbsolutePath();
    ZarrWriter w = ZarrWriter.create(store);
    w.createArray("temp", List.of("x"), meta, Map.of("units", "K"));
    TestArrays.writeAll(w, "temp", meta, TestArrays.sample(ZarrDType.INT32, 6));
  }

  @Test
  void unsupportedCompressorNamesFileAndRemedy() throws Exception {
    Path zarray = store.resolve("temp/.zarray");
    Files.writeString(zarray, Files.readString(zarray).replace("\"zlib\"", "\"lz77\""));
    assertThatThrownBy(() -> ZarrReader.open(store)).isInstanceOf(ZarrException.class)
        .hasMessage("unsupported compressor 'lz77' in " + zarray + ": use zlib, zstd or blosc");
  }

  @Test
  void corruptChunkNamesChunkKeyAndArray() throws Exception {
    Files.write(store.resolve("temp/1"), new byte[] {1, 2, 3, 4});
    ZarrReader r = ZarrReader.open(store);
    assertThat((int[]) r.read("temp", new int[] {0}, new int[] {3}).copyTo1DJavaArray()).as("other chunks still readable")
        .containsExactly((int[]) TestArrays.sample(ZarrDType.INT32, 3).copyTo1DJavaArray());
    assertThatThrownBy(() -> r.read("temp")).isInstanceOf(ZarrException.class)
        .hasMessageStartingWith("cannot decode chunk 1 of array 'temp' in " + store)
        .hasMessageContaining("{\"id\":\"zlib\",\"level\":1}")
        .hasMessageEndingWith("the file is corrupt or was written with another compressor; rewrite the chunk");
  }

  @Test
  void chunkOfWrongSizeIsReported() throws Exception {
    Path zarray = store.resolve("temp/.zarray");
    Files.writeString(zarray, Files.readString(zarray).replace("\"<i4\"", "\"<i8\""));
    assertThatThrownBy(() -> ZarrReader.open(store).read("temp"))
        .hasMessageContaining("chunk 0 of array 'temp' in " + store + " decodes to 12 bytes but chunks [3] of <i8 need 24");
  }

  @Test
  void regionAndNameErrors() {
    ZarrReader r = ZarrReader.open(store);
    assertThatThrownBy(() -> r.read("temp", new int[] {4}, new int[] {3}))
        .hasMessage("region origin [4] shape [3] is outside array 'temp' of shape [6] in " + store
            + ": pass one origin and length per dimension within the array");
    assertThatThrownBy(() -> r.read("temp", new int[] {0, 0}, new int[] {1, 1})).hasMessageContaining("is outside array");
    assertThatThrownBy(() -> r.metadata("salinity")).hasMessage("no array 'salinity' in " + store + ": available arrays are [temp]");
    assertThatThrownBy(() -> ZarrReader.open(tmp)).hasMessageContaining(tmp.toAbsolutePath() + " is not a Zarr v2 group");
  }

  @Test
  void missingDimensionsAttributeIsReported() throws Exception {
    Files.writeString(store.resolve("temp/.zattrs"), "{\"units\": \"K\", \"nan\": NaN}");
    ZarrReader r = ZarrReader.open(store);
    assertThat(r.attributes("temp").get("nan")).as("bare NaN as zarr-python writes it").isEqualTo(Double.NaN);
    assertThatThrownBy(() -> r.dimensions("temp")).hasMessageContaining("has no valid _ARRAY_DIMENSIONS attribute");
  }

  @Test
  void attributesExcludeDimensionsAndAreUnmodifiable() {
    ZarrReader r = ZarrReader.open(store);
    assertThat(r.attributes("temp")).isEqualTo(Map.of("units", "K"));
    assertThat(r.dimensions("temp")).containsExactly("x");
    assertThat(r.groupAttributes()).isEmpty();
    assertThatThrownBy(() -> r.attributes("temp").put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.arrayNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
