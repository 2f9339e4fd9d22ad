package org.headwater.pipeline.format.zarr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.SourceException;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.format.netcdf.CfCoding;
import org.headwater.zarr.ArrayMetadata;
import org.headwater.zarr.ZarrException;
import org.headwater.zarr.ZarrReader;
import ucar.ma2.Array;

/**
 * A Zarr v2 store (as Headwater or xarray writes it) read as a dataset: dimensions from {@code
 * _ARRAY_DIMENSIONS}, the array's {@code fill_value} treated as {@code _FillValue}, and CF decoding
 * as for NetCDF.
 */
public final class ZarrSource implements Dataset {
  private final ZarrReader reader;
  private final String label;
  private final DatasetSchema schema;
  private final Map<String, CfCoding> codings = new HashMap<>();

  private ZarrSource(ZarrReader reader, String label) {
    this.reader = reader;
    this.label = label;
    Map<String, Integer> dimLengths = new java.util.LinkedHashMap<>();
    List<Variable> vars = new ArrayList<>();
    for (String name : reader.arrayNames()) {
      ArrayMetadata meta = reader.metadata(name);
      List<String> dims = reader.dimensions(name);
      for (int i = 0; i < dims.size(); i++) {
        dimLengths.putIfAbsent(dims.get(i), meta.shape()[i]);
      }
      List<Attribute> attrs = JsonAttributes.from(reader.attributes(name));
      if (meta.fillValue() != null) {
        DType stored = DType.valueOf(meta.dtype().name());
        attrs.add(Attribute.numbers("_FillValue", stored, meta.fillValue()));
      }
      DType stored = DType.valueOf(meta.dtype().name());
      CfCoding coding = CfCoding.of(stored, attrs);
      codings.put(name, coding);
      vars.add(
          new Variable(
              name, coding.decoded(), dims, coding.outputAttributes(attrs), coding.fillValue(),
              List.of(name), List.of(),
              coding.encoding(attrs).withChunks(
                  java.util.Arrays.stream(meta.chunks()).boxed().toList())));
    }
    List<Dimension> dims = new ArrayList<>();
    dimLengths.forEach((k, v) -> dims.add(new Dimension(k, v)));
    this.schema = new DatasetSchema(dims, vars, JsonAttributes.from(reader.groupAttributes()));
  }

  public static ZarrSource open(Path store, String label) {
    try {
      return new ZarrSource(ZarrReader.open(store), label);
    } catch (ZarrException e) {
      throw new SourceException(label + " is not a readable Zarr v2 store: " + e.getMessage(), e);
    }
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    try {
      return codings.get(variable).decode(reader.read(variable, origin, shape));
    } catch (ZarrException e) {
      throw new SourceException(label + ": cannot read '" + variable + "': " + e.getMessage(), e);
    }
  }
}
