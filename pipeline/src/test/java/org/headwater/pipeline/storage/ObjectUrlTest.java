package org.headwater.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectUrlTest {
  @Test
  void parsesBucketAndKeyAndResolvesBelowAPrefix() {
    ObjectUrl u = ObjectUrl.parse("s3://bucket/a/b.nc");
    assertThat(u.bucket()).isEqualTo("bucket");
    assertThat(u.key()).isEqualTo("a/b.nc");
    assertThat(ObjectUrl.parse("s3://bucket/derived").resolve("speed.zarr/.zgroup").toString())
        .isEqualTo("s3://bucket/derived/speed.zarr/.zgroup");
    assertThat(ObjectUrl.parse("s3://bucket").resolve("x.nc").toString()).isEqualTo("s3://bucket/x.nc");
  }

  @Test
  void rejectsUrlsWithoutABucket() {
    assertThatThrownBy(() -> ObjectUrl.parse("s3:///key")).hasMessageContaining("names no bucket");
    assertThatThrownBy(() -> ObjectUrl.parse("https://x/y")).hasMessageContaining("is not an s3://bucket/key URL");
  }

  @Test
  void zarrMetadataIsUploadedAfterTheChunksAndConsolidatedMetadataLast() {
    assertThat(Uploads.rank(Path.of("v/0.0"))).isZero();
    assertThat(Uploads.rank(Path.of("v/.zarray"))).isEqualTo(1);
    assertThat(Uploads.rank(Path.of(".zgroup"))).isEqualTo(2);
    assertThat(Uploads.rank(Path.of(".zmetadata"))).isEqualTo(3);
  }
}
