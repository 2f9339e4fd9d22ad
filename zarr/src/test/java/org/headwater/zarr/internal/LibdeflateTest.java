package org.headwater.zarr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibdeflateTest {
  @TempDir Path tmp;

  @Test
  void isInstalledWhereTheTestsRun() {
    assertThat(Libdeflate.loadError())
        .as("scripts/ensure-test-tools.sh installs libdeflate0").isNull();
    assertThat(Libdeflate.handles(4)).isTrue();
    assertThat(Libdeflate.handles(0)).as("level 0 stays with java.util.zip").isFalse();
  }

  @Test
  void writesZlibStreamsThatInflateToTheValuesInEitherByteOrder() throws IOException {
    float[] values = smoothField(64 * 1024);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      Path chunk = tmp.resolve("0." + order);
      Libdeflate.writeZlib(chunk, values, order, 4);
      ByteBuffer raw = ByteBuffer.wrap(inflate(Files.readAllBytes(chunk))).order(order);
      assertThat(raw.remaining()).isEqualTo(values.length * 4);
      float[] back = new float[values.length];
      raw.asFloatBuffer().get(back);
      assertThat(back).as(order.toString()).containsExactly(values);
    }
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left").containsExactlyInAnyOrder("0.LITTLE_ENDIAN", "0.BIG_ENDIAN");
    }
  }

  @Test
  void compressesAboutAsWellAsZlibAtTheSameLevel() throws IOException {
    float[] values = smoothField(256 * 1024);
    Path chunk = tmp.resolve("0");
    Libdeflate.writeZlib(chunk, values, ByteOrder.LITTLE_ENDIAN, 4);
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (var out = Codecs.encoding(org.headwater.zarr.Compressor.zlib(4), zlib)) {
      ChunkBytes.write(values, ByteOrder.LITTLE_ENDIAN, out);
    }
    long size = Files.size(chunk);
    assertThat((double) size).isCloseTo(zlib.size(), org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(size).as("compressed at all").isLessThan(values.length * 4L * 9 / 10);
  }

  @Test
  void handlesEveryPrimitiveType() throws IOException {
    Object[] arrays = {new byte[] {1, -2, 3}, new short[] {1, -2, 300}, new int[] {1, -2, 70000},
        new long[] {1, -2, 1L << 40}, new double[] {1.5, -2, Double.NaN}};
    int[] sizes = {1, 2, 4, 8, 8};
    for (int i = 0; i < arrays.length; i++) {
      Path chunk = tmp.resolve("t" + i);
      Libdeflate.writeZlib(chunk, arrays[i], ByteOrder.LITTLE_ENDIAN, 1);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      ChunkBytes.write(arrays[i], ByteOrder.LITTLE_ENDIAN, expected);
      assertThat(inflate(Files.readAllBytes(chunk))).hasSize(3 * sizes[i]).isEqualTo(expected.toByteArray());
    }
  }

  /** Smooth values with a little noise, like a geophysical field. */
  private static float[] smoothField(int n) {
    Random random = new Random(42);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (250 + 10 * Math.sin(i / 300.0) + random.nextGaussian() * 0.5);
    }
    return v;
  }

  private static byte[] inflate(byte[] stored) throws IOException {
    try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
      return in.readAllBytes();
    }
  }
}
