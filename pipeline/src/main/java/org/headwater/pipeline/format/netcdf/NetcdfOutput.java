package org.headwater.pipeline.format.netcdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.format.netcdf.NetcdfC;
import org.headwater.pipeline.format.netcdf.NetcdfWriting;
import org.headwater.pipeline.format.netcdf.UnsignedMarks;
import org.headwater.pipeline.output.Encoding;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.plan.Describe;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.provenance.record.VariableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.NetcdfFile;
import ucar.nc2.NetcdfFileWriter;

/**
 * Writes a dataset as one NetCDF file: NetCDF-3 (64-bit offset) in pure Java, or NetCDF-4 through
 * Debian's libnetcdf. Data is written slab by slab along each variable's first dimension, so
 * memory holds one slab at a time.
 */
public final class NetcdfOutput {
  /** Slabs hold at most this many values. */
  static final long SLAB_VALUES = 4L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(NetcdfOutput.class);

  private NetcdfOutput() {}

  /**
   * The name a variable, dimension or attribute gets in a NetCDF file written through NetCDF-Java:
   * trimmed, with spaces and '/' turned into '_' (so {@code rain (mm)} is written as {@code
   * rain_(mm)}).
   */
  public static String netcdfName(String name) {
    return NetcdfFile.makeValidCdmObjectName(name);
  }

  /**
   * Checks, when the output is planned, that every dimension, variable and attribute keeps a name
   * of its own in NetCDF, and logs the ones that are renamed. (NetCDF-Java would otherwise let an
   * attribute {@code long name} silently overwrite a {@code long_name} of the same variable.)
   *
   * @throws OutputException naming both when two would get the same name
   */
  public static void checkNames(DatasetSchema schema, OutputSpec spec) {
    Map<String, String> dims = new HashMap<>();
    for (Dimension d : schema.dimensions()) {
      checkName(spec, Named.DIMENSION, "", d.name(), dims);
    }
    Map<String, String> vars = new HashMap<>();
    for (Variable v : schema.variables()) {
      checkName(spec, Named.VARIABLE, "", v.name(), vars);
      Map<String, String> attributes = new HashMap<>();
      for (Attribute a : v.attributes()) {
        checkName(spec, Named.ATTRIBUTE, " of variable '" + v.name() + "'", a.name(), attributes);
      }
    }
    Map<String, String> global = new HashMap<>();
    for (Attribute a : schema.attributes()) {
      checkName(spec, Named.ATTRIBUTE, " of the dataset", a.name(), global);
    }
  }

  /** What carries a name, and what the user can do when NetCDF cannot keep it apart. */
  private record Named(String kind, String fixEmpty, String fixClash) {
    static final Named DIMENSION =
        new Named("dimension", "rename it with a rename step", "rename one of them with a rename step");
    static final Named VARIABLE =
        new Named("variable", "rename it with a rename step", "rename one of them with a rename step");
    static final Named ATTRIBUTE = new Named("attribute", "delete it with delete_attributes",
        "keep one: delete_attributes removes the other (set_attributes can give its value to the one you keep)");
  }

  private static void checkName(OutputSpec spec, Named what, String of, String name, Map<String, String> seen) {
    String kind = what.kind();
    String written = netcdfName(name);
    if (written.isEmpty()) {
      throw new OutputException(
          "output '" + spec.name() + "': " + kind + " '" + name + "'" + of + " has no name NetCDF can hold; "
              + what.fixEmpty());
    }
    String other = seen.putIfAbsent(written, name);
    if (other != null) {
      throw new OutputException(
          "output '" + spec.name() + "': " + kind + "s '" + other + "' and '" + name + "'" + of
              + " would both be named '" + written + "' in NetCDF, whose names cannot hold spaces or '/'; "
              + what.fixClash());
    }
    if (!written.equals(name)) {
      LOG.warn(
          "output '{}': NetCDF names cannot hold spaces or '/', so {} '{}'{} is written as '{}'",
          spec.name(), kind, name, of, written);
    }
  }

  /** The output's variables as the run record lists them: under the names they have in the file. */
  public static List<VariableRecord> describe(DatasetSchema schema) {
    return Describe.variables(schema, NetcdfOutput::netcdfName);
  }

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
    NetcdfFileWriter.Version kind = version;
    NetcdfFileWriter w = NetcdfC.call(() -> kind == NetcdfFileWriter.Version.netcdf4
        ? NetcdfFileWriter.createNew(kind, file.toString(), NetcdfChunking.of(schema, spec))
        : NetcdfFileWriter.createNew(kind, file.toString()));
    boolean ok = false;
    boolean closed = false;
    try {
      if (version == NetcdfFileWriter.Version.netcdf3) {
        w.setLargeFile(true);
      }
      w.setFill(false);
      for (Dimension d : schema.dimensions()) {
        w.addDimension(null, netcdfName(d.name()), d.length());
      }
      Map<String, ucar.nc2.Variable> vars = new HashMap<>();
      List<String> unsigned = new java.util.ArrayList<>();
      for (Variable v : schema.variables()) {
        DType stored = storedType(v, version, spec);
        ucar.nc2.Variable nv = w.addVariable(
            null, netcdfName(v.name()), stored.dataType(),
            String.join(" ", v.dims().stream().map(NetcdfOutput::netcdfName).toList()));
        if (stored.unsigned()) {
          // how NetCDF-Java 4.5.5 is told a type is unsigned; deleted from NetCDF-4 files below
          w.addVariableAttribute(nv, new ucar.nc2.Attribute("_Unsigned", "true"));
          unsigned.add(nv.getShortName());
        }
        Number fill = Encoding.fillValue(v);
        if (fill != null) {
          w.addVariableAttribute(
              nv, NetcdfWriting.toNetcdf(Attribute.numbers("_FillValue", stored, stored.cast(fill))));
        }
        for (Attribute a : Encoding.attributes(v)) {
          w.addVariableAttribute(nv, NetcdfWriting.toNetcdf(a));
        }
        vars.put(v.name(), nv);
      }
      for (Attribute a : Attributes.withoutInternal(schema.attributes())) {
        w.addGroupAttribute(null, NetcdfWriting.toNetcdf(a));
      }
      NetcdfC.run(w::create);
      for (Variable v : schema.variables()) {
        writeVariable(data, v, w, vars.get(v.name()), storedType(v, version, spec));
      }
      closed = true; // even if close fails: a second close would hide why
      NetcdfC.run(w::close);
      if (version == NetcdfFileWriter.Version.netcdf4) {
        UnsignedMarks.remove(file, unsigned);
      }
      ok = true;
    } catch (InvalidRangeException e) {
      throw new OutputException("output '" + spec.name() + "': " + e.getMessage(), e);
    } finally {
      if (!ok) {
        try {
          if (!closed) {
            NetcdfC.run(w::close);
          }
        } finally {
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
      Array scalar = convert(Encoding.encode(v, data.read(v.name(), new int[0], new int[0])), stored);
      NetcdfC.write(() -> w.write(nv, scalar));
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
      Array values = convert(Encoding.encode(v, data.read(v.name(), origin, slab)), stored);
      NetcdfC.write(() -> w.write(nv, origin, values));
    }
  }

  /**
   * Checks, when the output is planned, that every variable has a type the format stores and
   * that a NetCDF-4 output's compressor exists there.
   *
   * @throws OutputException naming the output, the variable and what to do
   */
  public static void checkTypes(DatasetSchema schema, OutputSpec spec) {
    boolean nc3 = spec.format().equals("netcdf3");
    if (!nc3) {
      NetcdfChunking.check(spec);
    }
    for (Variable v : schema.variables()) {
      DType t = Encoding.storedType(v);
      if (!t.isNumeric()) {
        throw new OutputException(
            "output '" + spec.name() + "': variable '" + v.name() + "' holds text, which NetCDF"
                + " outputs do not support yet; drop it with select_variables or write zarr");
      }
      if (nc3 && v.encoding() != null
          && (t == DType.INT64 || t == DType.UINT64 || t == DType.UINT32)) {
        throw new OutputException(
            "output '" + spec.name() + "': variable '" + v.name() + "' is " + t.numpyName()
                + ", which NetCDF-3 cannot store; use format: netcdf4, or add a cast step"
                + " (dtype: int32 or float64) for it");
      }
    }
  }

  private static DType storedType(Variable v, NetcdfFileWriter.Version version, OutputSpec spec) {
    DType t = Encoding.storedType(v);
    if (version == NetcdfFileWriter.Version.netcdf3
        && (t == DType.INT64 || t == DType.UINT64 || t == DType.UINT32)) {
      // only variables Headwater made (a new dimension's coordinate, a cast): checkTypes refuses
      // stored 64-bit integers
      return DType.FLOAT64;
    }
    if (!t.isNumeric()) {
      throw new OutputException(
          "output '" + spec.name() + "': variable '" + v.name() + "' holds text, which NetCDF"
              + " outputs do not support yet; drop it with select_variables");
    }
    return t;
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
