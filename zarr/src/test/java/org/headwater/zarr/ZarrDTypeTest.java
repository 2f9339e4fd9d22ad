package org.headwater.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ucar.ma2.Array;
import ucar.ma2.DataType;

class ZarrDTypeTest {

  @ParameterizedTest
  @CsvSource({
      "BYTE,false,|i1,INT8", "SHORT,false,<i2,INT16", "INT,false,<i4,INT32", "LONG,false,<i8,INT64",
      "BYTE,true,|u1,UINT8", "SHORT,true,<u2,UINT16", "INT,true,<u4,UINT32", "LONG,true,<u8,UINT64",
      "FLOAT,false,<f4,FLOAT32", "DOUBLE,false,<f8,FLOAT64"})
  void mapsCdmTypesToNumpyTypestrAndBack(DataType type, boolean unsigned, String typestr, ZarrDType expected) {
    ZarrDType d = ZarrDType.of(type, unsigned);
    assertThat(d).isEqualTo(expected);
    assertThat(d.typestr()).isEqualTo(typestr);
    assertThat(d.dataType()).isEqualTo(type);
    assertThat(d.unsigned()).isEqualTo(unsigned);
    assertThat(ZarrDType.parse(typestr)).isEqualTo(d);
    assertThat(ZarrDType.byteOrder(typestr)).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void readsBigEndianAndNativeTypestrs() {
    assertThat(ZarrDType.parse(">f8")).isEqualTo(ZarrDType.FLOAT64);
    assertThat(ZarrDType.byteOrder(">f8")).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(ZarrDType.parse(">u2")).isEqualTo(ZarrDType.UINT16);
    assertThat(ZarrDType.parse("<i1")).isEqualTo(ZarrDType.INT8);
    assertThat(ZarrDType.parse("=i4")).isEqualTo(ZarrDType.INT32);
    assertThat(ZarrDType.byteOrder("=i4")).isEqualTo(ByteOrder.nativeOrder());
  }

  @Test
  void unsignedArraysMapToUnsignedDtypes() {
    Array a = Array.factory(DataType.SHORT, new int[] {2});
    a.setUnsigned(true);
    assertThat(ZarrDType.of(a)).isEqualTo(ZarrDType.UINT16);
    assertThat(ZarrDType.of(DataType.FLOAT, true)).as("unsigned flag ignored for floats").isEqualTo(ZarrDType.FLOAT32);
  }

  @Test
  void charAndStringFailClearly() {
    assertThatThrownBy(() -> ZarrDType.of(DataType.CHAR, false))
        .isInstanceOf(ZarrException.class).hasMessageContaining("data type char").hasMessageContaining("numeric types only");
    assertThatThrownBy(() -> ZarrDType.of(DataType.STRING, false))
        .isInstanceOf(ZarrException.class).hasMessageContaining("data type String");
    assertThatThrownBy(() -> ZarrDType.parse("|S8"))
        .isInstanceOf(ZarrException.class).hasMessageContaining("unsupported dtype '|S8'");
    assertThatThrownBy(() -> ZarrDType.parse("<c16")).isInstanceOf(ZarrException.class);
    assertThatThrownBy(() -> ZarrDType.parse("|b1")).isInstanceOf(ZarrException.class);
  }

  @Test
  void fillValuesAreNormalisedAndRangeChecked() {
    assertThat(ZarrDType.UINT8.normalizeFill(255)).isEqualTo(255L);
    assertThat(ZarrDType.FLOAT64.normalizeFill(1)).isEqualTo(1.0);
    assertThat(ZarrDType.FLOAT32.normalizeFill(0.1)).isEqualTo((double) 0.1f);
    assertThat(ZarrDType.INT16.normalizeFill(-999.0)).isEqualTo(-999L);
    assertThat(ZarrDType.UINT64.normalizeFill(new java.math.BigInteger("18446744073709551615")))
        .isEqualTo(new java.math.BigInteger("18446744073709551615"));
    assertThatThrownBy(() -> ZarrDType.UINT8.normalizeFill(256)).hasMessageContaining("[0, 255]");
    assertThatThrownBy(() -> ZarrDType.INT8.normalizeFill(-129)).hasMessageContaining("[-128, 127]");
    assertThatThrownBy(() -> ZarrDType.INT32.normalizeFill(1.5)).hasMessageContaining("not an integer");
  }
}
