package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CompressorTest {

  @Test
  void jsonFormsMatchNumcodecs() {
    assertThat(Compressor.zlib(4).toJson()).isEqualTo("{\"id\":\"zlib\",\"level\":4}");
    assertThat(Compressor.zstd(3).toJson()).isEqualTo("{\"id\":\"zstd\",\"level\":3}");
    assertThat(Compressor.blosc("lz4", 5, 1).toJson())
        .isEqualTo("{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}");
    assertThat(Compressor.none().toJson()).isEqualTo("null");
    assertThat(Compressor.none().config()).isNull();
  }

  @Test
  void parsesJsonBackToEqualCompressors() {
    for (Compressor c : new Compressor[] {Compressor.none(), Compressor.zlib(9), Compressor.zstd(-5),
        Compressor.blosc("zstd", 3, 2), Compressor.blosc("blosclz", 0, -1)}) {
      assertThat(Compressor.fromJson(c.toJson())).isEqualTo(c);
    }
    assertThat(Compressor.fromJson("{\"id\": \"zstd\", \"level\": 1, \"checksum\": false}"))
        .as("newer numcodecs adds checksum").isEqualTo(Compressor.zstd(1));
    assertThat(Compressor.fromConfig(Map.of("id", "blosc", "cname", "lz4hc", "clevel", 9L, "shuffle", 0L, "blocksize", 4096L)))
        .isEqualTo(new Compressor("blosc", 9, "lz4hc", 0, 4096));
  }

  @Test
  void rejectsUnsupportedAndInvalidConfigurations() {
    assertThatThrownBy(() -> Compressor.fromJson("{\"id\":\"lz77\"}"))
        .isInstanceOf(ZarrException.class).hasMessage("unsupported compressor 'lz77': use zlib, zstd or blosc");
    assertThatThrownBy(() -> Compressor.zlib(10)).hasMessageContaining("zlib level must be 0-9");
    assertThatThrownBy(() -> Compressor.blosc("snappy", 5, 1)).hasMessageContaining("blosc cname must be one of");
    assertThatThrownBy(() -> Compressor.blosc("lz4", 5, 3)).hasMessageContaining("shuffle");
    assertThatThrownBy(() -> Compressor.fromJson("[1]")).hasMessageContaining("JSON object or null");
  }
}
