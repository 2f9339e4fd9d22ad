package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrayMetadataTest {

  @Test
  void writesZarrPythonLayout() {
    ArrayMetadata m = new ArrayMetadata(new int[] {10, 4}, new int[] {3, 4}, ZarrDType.FLOAT32,
        Compressor.zlib(4), Double.NaN);
    assertThat(m.toJson()).isEqualTo("""
        {
            "chunks": [
                3,
                4
            ],
            "compressor": {
                "id": "zlib",
                "level": 4
            },
            "dimension_separator": ".",
            "dtype": "<f4",
            "fill_value": "NaN",
            "filters": null,
            "order": "C",
            "shape": [
                10,
                4
            ],
            "zarr_format": 2
        }""");
  }

  @Test
  void jsonRoundTripsIncludingSpecialFillValues() {
    for (Number fill : new Number[] {null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -9999.5}) {
      ArrayMetadata m = new ArrayMetadata(new int[] {7}, new int[] {2}, ZarrDType.FLOAT64, Compressor.zstd(3), fill);
      assertThat(ArrayMetadata.fromJson(m.toJson())).isEqualTo(m);
    }
    ArrayMetadata ints = new ArrayMetadata(new long[] {5, 6}, new int[] {5, 6}, ZarrDType.UINT8, null, 255);
    assertThat(ints.fillValue()).isEqualTo(255L);
    assertThat(ints.compressor()).isEqualTo(Compressor.none());
    assertThat(ints.toJson()).contains("\"fill_value\": 255", "\"compressor\": null", "\"dtype\": \"|u1\"");
    assertThat(ArrayMetadata.fromJson(ints.toJson())).isEqualTo(ints);
    ArrayMetadata scalar = new ArrayMetadata(new int[0], new int[0], ZarrDType.INT64, Compressor.blosc("lz4", 5, 1), 0);
    assertThat(scalar.toJson()).contains("\"shape\": []", "\"chunks\": []");
    assertThat(ArrayMetadata.fromJson(scalar.toJson())).isEqualTo(scalar);
  }

  @Test
  void componentsAreCopied() {
    int[] shape = {4};
    ArrayMetadata m = new ArrayMetadata(shape, new int[] {2}, ZarrDType.INT32, null, null);
    shape[0] = 99;
    m.shape()[0] = 98;
    assertThat(m.shape()).containsExactly(4);
    assertThat(m.chunkBytes()).isEqualTo(8);
  }

  @Test
  void rejectsInvalidMetadataWithActionableMessages() {
    assertThatThrownBy(() -> new ArrayMetadata(new int[] {4}, new int[] {2, 2}, ZarrDType.INT32, null, null))
        .isInstanceOf(ZarrException.class).hasMessageContaining("differ in rank");
    assertThatThrownBy(() -> new ArrayMetadata(new int[] {4}, new int[] {0}, ZarrDType.INT32, null, null))
        .hasMessageContaining("chunk lengths > 0");
    assertThatThrownBy(() -> new ArrayMetadata(new int[] {4}, new int[] {2}, ZarrDType.INT8, null, 300))
        .hasMessageContaining("invalid fill value for |i1");
    assertThatThrownBy(() -> new ArrayMetadata(new long[] {1L << 32}, new int[] {2}, ZarrDType.INT8, null, null))
        .hasMessageContaining("split the dimension");
    assertThatThrownBy(() -> new ArrayMetadata(new int[] {100000, 100000}, new int[] {100000, 100000}, ZarrDType.FLOAT64, null, null))
        .hasMessageContaining("choose smaller chunks");
    String fOrder = "{\"zarr_format\":2,\"shape\":[2],\"chunks\":[2],\"dtype\":\"<f4\",\"compressor\":null,"
        + "\"fill_value\":null,\"order\":\"F\",\"filters\":null}";
    assertThatThrownBy(() -> ArrayMetadata.fromJson(fOrder)).hasMessageContaining("only C order is supported");
    String filters = fOrder.replace("\"F\"", "\"C\"").replace("\"filters\":null", "\"filters\":[{\"id\":\"delta\"}]");
    assertThatThrownBy(() -> ArrayMetadata.fromJson(filters)).hasMessageContaining("filters are not supported");
    String v3 = fOrder.replace("\"F\"", "\"C\"").replace("\"zarr_format\":2", "\"zarr_format\":3");
    assertThatThrownBy(() -> ArrayMetadata.fromJson(v3)).hasMessageContaining("only Zarr v2 is supported");
    String str = fOrder.replace("\"F\"", "\"C\"").replace("<f4", "|S8");
    assertThatThrownBy(() -> ArrayMetadata.fromJson(str)).hasMessageStartingWith("unsupported dtype '|S8' in .zarray:");
  }
}
