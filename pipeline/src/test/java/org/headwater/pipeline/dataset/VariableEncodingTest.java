package org.headwater.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.headwater.pipeline.format.netcdf.CfCoding;
import org.junit.jupiter.api.Test;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class VariableEncodingTest {
  private static final List<Attribute> PACKED = List.of(
      Attribute.numbers("scale_factor", DType.FLOAT64, 0.01),
      Attribute.numbers("add_offset", DType.FLOAT64, 0.0),
      Attribute.numbers("_FillValue", DType.INT16, (short) -32767),
      Attribute.numbers("missing_value", DType.INT16, (short) -32767),
      Attribute.text("units", "percent"));

  @Test
  void packedInt16DecodesAndEncodesBackToTheSameStoredValues() {
    CfCoding coding = CfCoding.of(DType.INT16, PACKED);
    VariableEncoding e = coding.encoding(PACKED);
    assertThat(e.stored()).isEqualTo(DType.INT16);
    assertThat(e.attributes()).extracting(Attribute::name)
        .containsExactly("scale_factor", "add_offset", "_FillValue", "missing_value");
    Array raw = Array.factory(DataType.SHORT, new int[] {4}, new short[] {0, 1234, -32767, 10000});
    Array back = e.encode(coding.decode(raw));
    assertThat(back.getDataType()).isEqualTo(DataType.SHORT);
    assertThat((short[]) back.copyTo1DJavaArray()).containsExactly(0, 1234, -32767, 10000);
  }

  @Test
  void aVariableLosesItsEncodingWhenItsTypeChanges() {
    VariableEncoding e = CfCoding.of(DType.INT16, PACKED).encoding(PACKED);
    Variable v = new Variable("sic", DType.FLOAT64, List.of("t"), List.of(), Double.NaN, List.of("sic"),
        List.of(), e);
    assertThat(v.withName("ice").encoding()).isEqualTo(e);
    assertThat(v.withDtype(DType.FLOAT32, Float.NaN).encoding()).isNull();
    assertThat(v.withNewValues().encoding()).isNull();
  }

  @Test
  void anUnpackedFloatKeepsItsFillAndMissingValueThroughNewValues() {
    List<Attribute> attrs = List.of(
        Attribute.numbers("_FillValue", DType.FLOAT32, -2e9f),
        Attribute.numbers("missing_value", DType.FLOAT32, -2e9f));
    VariableEncoding e = CfCoding.of(DType.FLOAT32, attrs).encoding(attrs);
    Variable v = new Variable("thk", DType.FLOAT32, List.of("t"), List.of(), -2e9f, List.of("thk"),
        List.of(), e);
    assertThat(v.withNewValues().encoding()).isEqualTo(e);
    Array written = e.encode(Array.factory(DataType.FLOAT, new int[] {2}, new float[] {Float.NaN, 3f}));
    assertThat((float[]) written.copyTo1DJavaArray()).containsExactly(-2e9f, 3f);
  }

  @Test
  void formatInternalAttributesAreRecognised() {
    List<Attribute> attrs = List.of(Attribute.text("_NCProperties", "version=2"),
        Attribute.numbers("_ChunkSizes", DType.INT32, 1, 6), Attribute.text("units", "K"));
    assertThat(Attributes.withoutInternal(attrs)).extracting(Attribute::name).containsExactly("units");
  }
}
