package org.headwater.pipeline.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.internal.Calendars;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.VariableRecord;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/** Describes a written dataset for the run record: variables with lineage, and coverage. */
public final class Describe {
  private Describe() {}

  public static List<VariableRecord> variables(DatasetSchema schema) {
    return variables(schema, UnaryOperator.identity());
  }

  /**
   * Like {@link #variables(DatasetSchema)}, for a format that names variables and dimensions its
   * own way ({@code names}); each variable's sources keep the names the inputs had.
   */
  public static List<VariableRecord> variables(DatasetSchema schema, UnaryOperator<String> names) {
    List<VariableRecord> out = new ArrayList<>();
    for (Variable v : schema.variables()) {
      String desc = v.attributeText("long_name");
      if (desc == null) {
        desc = v.attributeText("standard_name");
      }
      out.add(
          new VariableRecord(
              names.apply(v.name()),
              v.dtype().numpyName(),
              v.dims().stream().map(names).toList(),
              v.attributeText("units"),
              desc,
              v.fillValue() == null ? null : fillText(v.fillValue()),
              v.sources(),
              org.headwater.pipeline.recipe.StepSpec.numbers(v.steps())));
    }
    return out;
  }

  /** Lat/lon extent from variables with degree units, time extent from the time coordinate. */
  public static Coverage coverage(Dataset data) throws IOException {
    DatasetSchema s = data.schema();
    double[] lat = extent(data, find(s, "latitude", "degrees_north"));
    double[] lon = extent(data, find(s, "longitude", "degrees_east"));
    String start = null;
    String end = null;
    String calendar = null;
    Variable time = s.variables().stream().filter(Describe::isTime).findFirst().orElse(null);
    if (time != null) {
      double[] t = extent(data, time);
      calendar = time.attributeText("calendar");
      if (t != null) {
        start = Calendars.format(t[0], time.attributeText("units"), calendar);
        end = Calendars.format(t[1], time.attributeText("units"), calendar);
      }
    }
    if (lat == null && lon == null && start == null) {
      return null;
    }
    return new Coverage(
        lon == null ? null : lon[0], lon == null ? null : lon[1],
        lat == null ? null : lat[0], lat == null ? null : lat[1],
        start, end, calendar == null ? (start == null ? null : "standard") : calendar);
  }

  private static boolean isTime(Variable v) {
    String units = v.attributeText("units");
    return units != null && units.contains(" since ") && v.dims().size() == 1;
  }

  private static Variable find(DatasetSchema s, String standardName, String units) {
    for (Variable v : s.variables()) {
      if (standardName.equals(v.attributeText("standard_name"))
          || units.equals(v.attributeText("units"))) {
        return v;
      }
    }
    return null;
  }

  private static double[] extent(Dataset data, Variable v) throws IOException {
    if (v == null) {
      return null;
    }
    long n = 1;
    for (int len : data.schema().shape(v)) {
      n *= len;
    }
    if (n == 0 || n > (64L << 20)) {
      return null;
    }
    Array a = data.readAll(v.name());
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    IndexIterator it = a.getIndexIterator();
    while (it.hasNext()) {
      double x = it.getDoubleNext();
      if (!Double.isNaN(x)) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    return min > max ? null : new double[] {min, max};
  }

  private static String fillText(Number n) {
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return "NaN";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
  }
}
