package org.headwater.pipeline.format.netcdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.headwater.pipeline.dataset.DType;
import org.junit.jupiter.api.Test;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class CfCodingTest {
  private static final int N = 200_000;

  @Test
  void largeInt16ArraysDecodeBitForBitAsSmallOnesDo() {
    short[] raw = randomShorts();
    for (CfCoding coding : new CfCoding[] {
        new CfCoding(DType.INT16, DType.FLOAT32, 0.01, 0, new double[] {-32767}, Double.NaN, Double.NaN, Float.NaN),
        new CfCoding(DType.INT16, DType.FLOAT64, 0.5, -3, new double[] {7, -1}, -30000, 30000, Double.NaN),
        new CfCoding(DType.UINT16, DType.FLOAT32, 0.002, 1, new double[] {65535}, 10, 60000, Float.NaN)}) {
      Array big = coding.decode(Array.factory(DataType.SHORT, new int[] {N}, raw));
      // below the table threshold each piece takes the element-by-element path
      for (int from = 0; from < N; from += 1000) {
        short[] piece = java.util.Arrays.copyOfRange(raw, from, from + 1000);
        Array small = coding.decode(Array.factory(DataType.SHORT, new int[] {1000}, piece));
        for (int i = 0; i < 1000; i++) {
          assertThat(Double.doubleToRawLongBits(big.getDouble(from + i)))
              .as("%s at %d (stored %d)", coding.decoded(), from + i, raw[from + i])
              .isEqualTo(Double.doubleToRawLongBits(small.getDouble(i)));
        }
      }
      assertThat(countNaN(big)).as("fill, missing and out-of-range values are NaN").isPositive();
    }
  }

  private static short[] randomShorts() {
    Random random = new Random(7);
    short[] raw = new short[N];
    for (int i = 0; i < N; i++) {
      raw[i] = (short) random.nextInt(1 << 16);
    }
    raw[0] = -32767;
    raw[1] = 7;
    raw[2] = -1;
    return raw;
  }

  private static long countNaN(Array a) {
    long n = 0;
    for (int i = 0; i < a.getSize(); i++) {
      n += Double.isNaN(a.getDouble(i)) ? 1 : 0;
    }
    return n;
  }
}
