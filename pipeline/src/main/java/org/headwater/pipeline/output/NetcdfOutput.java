package org.headwater.pipeline.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.netcdf.NetcdfWriting;
import org.headwater.pipeline.recipe.OutputSpec;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.NetcdfFileWriter;

/**
 * Writes a dataset as one NetCDF file: NetCDF-3 (64-bit offset) in pure Java, or NetCDF-4 through
 * Debian's libnetcdf. Data is written slab by slab along each variable's first dimension, so
 * memory holds one slab at a time.
 */
public final class NetcdfOutput {
  /** Slabs hold at most this many values. */
  static final long SLAB_VALUES = 4L << 20;

  private NetcdfOutput() {}

  public static void write(Dataset data, OutputSpec spec, Path file) throws IOException {
    DatasetSchema schema = data.schema();
    NetcdfFileWriter.Version version;
    if (spec.format().equals("netcdf4")) {
      NetcdfWriting.requireNetcdf4(spec.name());
      version = NetcdfFileWriter.Version.netcdf4;
    } else {
      version = NetcdfFileWriter.Version.netcdf3;
    }
    Files.deleteIfExists(file);
    NetcdfFileWriter w = NetcdfFileWriter.createNew(version, file.toString());
    boolean ok = false;
    try {
      if (version == NetcdfFileWriter.Version.netcdf3) {
        w.setLargeFile(true);
      }
      w.setFill(false);
      for (Dimension d : schema.dimensions()) {
        w.addDimension(null, d.name(), d.length());
      }
      Map<String, ucar.nc2.Variable> vars = new HashMap<>();
      for (Variable v : schema.variables()) {
        DType stored = storedType(v, version, spec);
        ucar.nc2.Variable nv = w.addVariable(null, v.name(), stored.dataType(), String.join(" ", v.dims()));
        if (stored.unsigned()) {
          w.addVariableAttribute(nv, new ucar.nc2.Attribute("_Unsigned", "true"));
        }
        if (v.fillValue() != null) {
          w.addVariableAttribute(
              nv, NetcdfWriting.toNetcdf(Attribute.numbers("_FillValue", stored, v.fillValue())));
        }
        for (Attribute a : v.attributes()) {
          w.addVariableAttribute(nv, NetcdfWriting.toNetcdf(a));
        }
        vars.put(v.name(), nv);
      }
      for (Attribute a : schema.attributes()) {
        w.addGroupAttribute(null, NetcdfWriting.toNetcdf(a));
      }
      w.create();
      for (Variable v : schema.variables()) {
        writeVariable(data, v, w, vars.get(v.name()), storedType(v, version, spec));
      }
      ok = true;
    } catch (InvalidRangeException e) {
      throw new OutputException("output '" + spec.name() + "': " + e.getMessage(), e);
    } finally {
      try {
        w.close();
      } finally {
        if (!ok) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void writeVariable(
      Dataset data, Variable v, NetcdfFileWriter w, ucar.nc2.Variable nv, DType stored)
      throws IOException, InvalidRangeException {
    int[] shape = data.schema().shape(v);
    if (shape.length == 0) {
      w.write(nv, convert(Encoding.fillMissing(v, data.read(v.name(), new int[0], new int[0])), stored));
      return;
    }
    long rowValues = 1;
    for (int i = 1; i < shape.length; i++) {
      rowValues *= shape[i];
    }
    int rows = (int) Math.max(1, Math.min(shape[0], SLAB_VALUES / Math.max(1, rowValues)));
    for (int start = 0; start < shape[0]; start += rows) {
      int[] origin = new int[shape.length];
      int[] slab = shape.clone();
      origin[0] = start;
      slab[0] = Math.min(rows, shape[0] - start);
      Array a = Encoding.fillMissing(v, data.read(v.name(), origin, slab));
      w.write(nv, origin, convert(a, stored));
    }
  }

  private static DType storedType(Variable v, NetcdfFileWriter.Version version, OutputSpec spec) {
    if (version == NetcdfFileWriter.Version.netcdf3
        && (v.dtype() == DType.INT64 || v.dtype() == DType.UINT64 || v.dtype() == DType.UINT32)) {
      return DType.FLOAT64;
    }
    if (!v.dtype().isNumeric()) {
      throw new OutputException(
          "output '" + spec.name() + "': variable '" + v.name() + "' holds text, which NetCDF"
              + " outputs do not support yet; drop it with select_variables");
    }
    return v.dtype();
  }

  private static Array convert(Array a, DType stored) {
    if (a.getDataType() == stored.dataType()) {
      return a;
    }
    Array out = Array.factory(stored.dataType(), a.getShape());
    ucar.ma2.MAMath.copyDouble(out, a);
    return out;
  }
}
