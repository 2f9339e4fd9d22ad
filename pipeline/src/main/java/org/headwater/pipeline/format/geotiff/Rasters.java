package org.headwater.pipeline.format.geotiff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.output.OutputException;
import org.headwater.pipeline.recipe.OutputSpec;

/**
 * Which variables a GeoTIFF output writes and how they split into files: every data variable of
 * two or more dimensions (not a coordinate, bounds or auxiliary coordinate variable), one file per
 * 2-D slice along at most one other dimension, or that dimension's positions as bands.
 */
final class Rasters {
  private Rasters() {}

  /**
   * One raster variable's files.
   *
   * @param variable the variable
   * @param sliceDim the dimension with one file per position, or null
   * @param bandDim the dimension whose positions are bands, or null
   * @param files how many files
   */
  record Plan(Variable variable, String sliceDim, String bandDim, int files) {}

  static List<Plan> of(DatasetSchema s, OutputSpec spec) {
    Set<String> auxiliary = new HashSet<>();
    for (Variable v : s.variables()) {
      for (String a : List.of("coordinates", "bounds")) {
        String t = v.attributeText(a);
        if (t != null) {
          auxiliary.addAll(List.of(t.trim().split("\\s+")));
        }
      }
    }
    List<Plan> out = new ArrayList<>();
    for (Variable v : s.variables()) {
      if (v.dims().size() < 2 || DatasetSchema.isCoordinate(v) || auxiliary.contains(v.name())
          || !v.dtype().isFloatingPoint() && !isInteger(v)) {
        continue;
      }
      out.add(plan(s, v, spec));
    }
    if (out.isEmpty()) {
      throw new OutputException("output '" + spec.name() + "': the dataset has no variable on a"
          + " 2-D grid to write as GeoTIFF; keep one with select_variables");
    }
    return out;
  }

  private static boolean isInteger(Variable v) {
    return switch (v.dtype()) {
      case CHAR, STRING -> false;
      default -> true;
    };
  }

  private static Plan plan(DatasetSchema s, Variable v, OutputSpec spec) {
    List<String> extra = new ArrayList<>(v.dims().subList(0, v.dims().size() - 2));
    String bands = spec.bands();
    if (bands != null) {
      if (!extra.remove(bands)) {
        throw new OutputException("output '" + spec.name() + "': bands: '" + bands + "' is not a"
            + " dimension of variable '" + v.name() + "' besides its grid " + v.dims()
            + "; give one of " + v.dims().subList(0, v.dims().size() - 2)
            + " or remove bands:");
      }
    }
    if (extra.size() > 1) {
      throw new OutputException("output '" + spec.name() + "': variable '" + v.name() + "' has "
          + extra.size() + " dimensions besides its grid " + extra + "; GeoTIFF takes one file"
          + " per 2-D slice along one of them: give bands: " + extra.get(0) + " or select one "
          + extra.get(0) + " with a subset step");
    }
    String slice = extra.isEmpty() ? null : extra.get(0);
    return new Plan(v, slice, bands, slice == null ? 1 : s.dimensionLength(slice));
  }

  /** The variable's attributes as GDAL metadata, without the encoding's (scale, offset, fill). */
  static List<Attribute> cfAttributes(List<Attribute> attributes) {
    List<Attribute> out = new ArrayList<>();
    for (Attribute a : attributes) {
      if (!Set.of("_FillValue", "scale_factor", "add_offset", "missing_value", "grid_mapping",
          "coordinates", "_Unsigned").contains(a.name())) {
        out.add(a);
      }
    }
    return out;
  }
}
