package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.geo.GridAxes;
import org.headwater.pipeline.geo.GridCrs;
import org.headwater.pipeline.geo.Resampling;
import org.headwater.pipeline.geo.TargetGrids;

/**
 * {@code reproject}: regrids every variable on the dataset's 2-D grid to {@code crs} (an EPSG code
 * or WKT) with {@code resolution} (one number or [dx, dy], target units) and/or {@code bounds}
 * ([xmin, ymin, xmax, ymax] in the target CRS), resampling {@code nearest} (default), {@code
 * bilinear} or {@code average}. New x/y (or lon/lat) coordinates, 2-D lat/lon for a projected
 * target and a {@code crs} grid mapping (with {@code crs_wkt}) replace the old ones; the run record
 * keeps both CRSs, the method and the grid. The source grid must be regular.
 */
final class Reproject implements ResolvingStep {
  static final StepType TYPE = new StepType("reproject",
      Set.of("crs", "resolution", "bounds", "resampling"), Set.of("crs"), Reproject::new);

  private final Params p;
  private final GridCrs target;
  private final double[] resolution;
  private final double[] bounds;
  private final Resampling method;

  private Reproject(Params p) {
    this.p = p;
    try {
      this.target = GridCrs.of(p.string("crs", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("step 'reproject' parameter 'crs': " + e.getMessage(), e);
    }
    this.resolution = p.has("resolution") ? numbers(p, "resolution", 1, 2) : null;
    this.bounds = p.has("bounds") ? numbers(p, "bounds", 4, 4) : null;
    if (resolution != null && resolution.length == 1) {
      resolution[0] = Math.abs(resolution[0]);
    }
    try {
      this.method = Resampling.parse(p.string("resampling", "nearest"));
    } catch (IllegalArgumentException e) {
      throw p.bad("resampling", "nearest, bilinear or average", p.raw("resampling"));
    }
  }

  private static double[] numbers(Params p, String key, int min, int max) {
    Object raw = p.raw(key);
    List<?> list = raw instanceof List<?> l ? l : List.of(raw);
    if (list.size() < min || list.size() > max
        || !list.stream().allMatch(o -> o instanceof Number n && Double.isFinite(n.doubleValue()))) {
      throw p.bad(key, min == max ? min + " numbers" : "a number or [x, y]", raw);
    }
    double[] out = list.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    if (key.equals("resolution") && (out[0] <= 0 || out[out.length - 1] <= 0)) {
      throw p.bad(key, "positive cell sizes", raw);
    }
    return out;
  }

  @Override
  public boolean resolved() {
    return p.has(DETAILS);
  }

  @Override
  public Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext c)
      throws IOException {
    Grid g = grid(input);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("sourceCrs", g.source.crs().label());
    d.put("sourceCrsWkt", g.source.crs().wkt());
    d.put("targetCrs", target.label());
    d.put("targetCrsWkt", target.wkt());
    d.put("resampling", method.name().toLowerCase(java.util.Locale.ROOT));
    d.put("resolution", List.of(g.target.dx(), -g.target.dy()));
    d.put("bounds", java.util.Arrays.stream(g.target.bounds()).boxed().toList());
    d.put("shape", List.of(g.target.ny(), g.target.nx()));
    return Map.of(DETAILS, d);
  }

  private record Grid(GridAxes source, GridAxes target, Variable first) {}

  private Grid grid(Dataset input) throws IOException {
    DatasetSchema s = input.schema();
    Set<String> aux = StepSupport.referenced(s);
    IllegalArgumentException last = null;
    for (Variable v : s.variables()) {
      if (v.dims().size() < 2 || DatasetSchema.isCoordinate(v) || aux.contains(v.name())
          || !v.dtype().isNumeric()) {
        continue;
      }
      GridAxes src;
      try {
        src = GridAxes.of(input, v);
      } catch (IllegalArgumentException e) {
        last = e;
        continue;
      }
      boolean geographic = target.isGeographic();
      GridAxes t = TargetGrids.of(src, target, bounds, resolution == null ? null
              : new double[] {resolution[0], resolution[resolution.length - 1]},
          geographic ? "lat" : "y", geographic ? "lon" : "x");
      return new Grid(src, t, v);
    }
    throw new StepException(last != null ? last.getMessage() + "; reproject needs one"
        : "no variable on a 2-D grid to reproject; the dataset has " + s.variableNames());
  }

  @Override
  public Dataset apply(Dataset input, int index) {
    Grid g;
    try {
      g = grid(input);
    } catch (IOException e) {
      throw new StepException("reproject: cannot read the grid's coordinates: " + e.getMessage());
    }
    return ReprojectedSchemas.dataset(input, index, g.source, g.target, method);
  }
}
