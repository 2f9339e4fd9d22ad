package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * {@code pack}: stores a floating-point variable as integers with CF {@code scale_factor} and
 * {@code add_offset}, as xarray and NetCDF readers decode them. {@code dtype} is the integer type
 * (default int16; its smallest value becomes {@code _FillValue}). {@code precision} states the
 * scale factor (the spacing of representable values); without it the scale spreads the data's
 * range over the type. {@code offset} sets {@code add_offset} (default: the middle of the range).
 * The data's range is scanned once when the run is planned; a range the type cannot hold at the
 * stated precision is an error naming the precision that would fit. Put {@code pack} last: steps
 * after it see packed integers.
 */
final class Pack implements ResolvingStep {
  static final StepType TYPE =
      new StepType(
          "pack",
          Set.of("variable", "dtype", "precision", "offset"),
          Set.of("variable"),
          Pack::new);

  private final String variable;
  private final DType dtype;
  private final double precision;
  private final double offset;
  private final Params p;

  private Pack(Params p) {
    this.p = p;
    this.variable = p.string("variable", null);
    try {
      this.dtype = DType.parse(p.string("dtype", "int16"));
    } catch (IllegalArgumentException e) {
      throw p.bad("dtype", "int8, int16, int32, uint8 or uint16", p.raw("dtype"));
    }
    if (!dtype.isIntegral() || dtype == DType.INT64 || dtype == DType.UINT64) {
      throw p.bad("dtype", "int8, int16, int32, uint8, uint16 or uint32", p.raw("dtype"));
    }
    this.precision = p.number("precision", Double.NaN);
    if (precision <= 0) {
      throw p.bad("precision", "a positive number", precision);
    }
    this.offset = p.number("offset", Double.NaN);
  }

  @Override
  public boolean resolved() {
    return p.has("_scale_factor");
  }

  @Override
  public Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext ctx)
      throws IOException {
    StepSupport.numeric(input.schema(), variable, "pack");
    double[] mm = minMax(input, variable);
    double[] range = MappedDataset.range(dtype);
    double lo = range[0] + 1;
    double hi = range[1];
    double min = Double.isNaN(mm[0]) ? 0 : mm[0];
    double max = Double.isNaN(mm[1]) ? 0 : mm[1];
    double add = Double.isNaN(offset) ? (min + max) / 2 : offset;
    double scale = precision;
    double middle = (lo + hi) / 2;
    if (Double.isNaN(scale)) {
      scale = max > min ? (max - min) / (hi - lo) : 1.0;
      add = Double.isNaN(offset) ? min - lo * scale : offset;
    } else if (Double.isNaN(offset)) {
      add = Math.rint(((min + max) / 2 - middle * scale) / scale) * scale;
    }
    double need = Math.max((max - add) / hi, (min - add) / lo);
    if ((max - add) / scale > hi || (min - add) / scale < lo) {
      throw new StepException(
          "variable '" + variable + "' ranges from " + min + " to " + max + ", which "
              + dtype.numpyName() + " cannot hold at precision " + scale + "; use precision >= "
              + need + " or a wider dtype");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_scale_factor", scale);
    out.put("_add_offset", add);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scaleFactor", scale);
    details.put("addOffset", add);
    details.put("min", min);
    details.put("max", max);
    out.put(DETAILS, details);
    return out;
  }

  @Override
  public Dataset apply(Dataset input, int index) {
    if (!resolved()) {
      throw new StepException("pack settles its scale when the run is planned; use Steps.plan");
    }
    DatasetSchema in = input.schema();
    Variable v = StepSupport.numeric(in, variable, "pack");
    double scale = p.number("_scale_factor", 1);
    double add = p.number("_add_offset", 0);
    DType attrType = v.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
    Number fill = MappedDataset.cast(MappedDataset.range(dtype)[0], dtype);
    double code = fill.doubleValue();
    List<Attribute> attrs = Attributes.without(v.attributes(), "valid_range", "valid_min",
        "valid_max", "actual_range");
    attrs = Attributes.with(attrs, Attribute.numbers("scale_factor", attrType,
        MappedDataset.cast(scale, attrType)));
    attrs = Attributes.with(attrs, Attribute.numbers("add_offset", attrType,
        MappedDataset.cast(add, attrType)));
    Variable nv = v.withDtype(dtype, fill).withAttributes(attrs).touchedBy(index);
    return new MappedDataset(
        input,
        in.mapVariable(variable, x -> nv),
        Map.of(variable, MappedDataset.elementwise(
            dtype, x -> Double.isNaN(x) ? code : Math.rint((x - add) / scale))));
  }

  /** The smallest and largest non-missing value, read slab by slab along the first dimension. */
  static double[] minMax(Dataset d, String name) throws IOException {
    int[] shape = d.schema().shape(name);
    double min = Double.NaN;
    double max = Double.NaN;
    int steps = shape.length == 0 ? 1 : shape[0];
    for (int i = 0; i < steps; i++) {
      int[] origin = new int[shape.length];
      int[] s = shape.clone();
      if (shape.length > 0) {
        origin[0] = i;
        s[0] = 1;
      }
      Array a = d.read(name, origin, s);
      IndexIterator it = a.getIndexIterator();
      while (it.hasNext()) {
        double x = it.getDoubleNext();
        if (!Double.isNaN(x)) {
          min = Double.isNaN(min) ? x : Math.min(min, x);
          max = Double.isNaN(max) ? x : Math.max(max, x);
        }
      }
    }
    return new double[] {min, max};
  }
}
