package org.headwater.pipeline.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.geo.GridMappings;
import org.headwater.pipeline.geo.Polygons;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * {@code clip_to_polygon}: makes cells whose centre lies outside a polygon missing. The polygon is
 * GeoJSON ({@code Polygon}, {@code MultiPolygon}, {@code Feature} or {@code FeatureCollection}),
 * inline ({@code geojson: {...}}) or in a file ({@code file: PATH}). With {@code crs: lonlat} (the
 * default, as GeoJSON is) its points are projected to the grid's CRS from the variable's {@code
 * grid_mapping} attributes (polar stereographic such as EPSG:3413, or latitude_longitude), each
 * edge split into {@code segments} pieces (default 16) so it follows its curve; with {@code crs:
 * grid} they are grid x/y already. Applies to {@code variable}/{@code variables}, or every data
 * variable on the grid. A polygon that covers no cell is an error.
 */
final class ClipToPolygon {
  static final StepType TYPE =
      new StepType(
          "clip_to_polygon",
          Set.of("geojson", "file", "crs", "variable", "variables", "segments"),
          Set.of(),
          p -> {
            if (p.has("geojson") == p.has("file")) {
              throw p.bad("geojson", "either geojson: {...} or file: PATH", null);
            }
            Polygons polygons;
            try {
              Object json = p.has("geojson") ? p.raw("geojson")
                  : new ObjectMapper().readValue(Path.of(p.string("file", null)).toFile(), Object.class);
              polygons = Polygons.fromGeoJson(json);
            } catch (IOException e) {
              throw p.bad("file", "a readable GeoJSON file", p.raw("file") + " (" + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
              throw p.bad(p.has("file") ? "file" : "geojson", "GeoJSON polygons: " + e.getMessage(),
                  "");
            }
            String crs = p.string("crs", "lonlat");
            if (!List.of("lonlat", "grid").contains(crs)) {
              throw p.bad("crs", "lonlat or grid", crs);
            }
            int segments = (int) p.number("segments", 16);
            if (segments < 1) {
              throw p.bad("segments", "a whole number >= 1", segments);
            }
            List<String> named = StepSupport.named(p);
            return (input, index) -> apply(input, index, polygons, crs, segments, named);
          });

  private ClipToPolygon() {}

  static Dataset apply(
      Dataset input, int index, Polygons polygons, String crs, int segments, List<String> named) {
    DatasetSchema in = input.schema();
    List<String> targets = StepSupport.targets(in, named);
    if (targets.isEmpty()) {
      throw new StepException("the dataset has no data variables to clip");
    }
    Variable first = in.variable(targets.get(0));
    if (first.dims().size() < 2) {
      throw new StepException("variable '" + first.name() + "' has dimensions " + first.dims()
          + "; clip_to_polygon needs variables on a y/x grid");
    }
    List<String> grid = first.dims().subList(first.dims().size() - 2, first.dims().size());
    Variable ycoord = coordinate(in, grid.get(0));
    Variable xcoord = coordinate(in, grid.get(1));
    Polygons shape = polygons;
    if (crs.equals("lonlat")) {
      shape = polygons.transform(projection(in, first, xcoord), segments);
    }
    boolean[] inside;
    double[] xs;
    double[] ys;
    try {
      xs = (double[]) input.readAll(xcoord.name()).get1DJavaArray(double.class);
      ys = (double[]) input.readAll(ycoord.name()).get1DJavaArray(double.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    inside = new boolean[xs.length * ys.length];
    int count = 0;
    for (int j = 0; j < ys.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        inside[j * xs.length + i] = shape.contains(xs[i], ys[j]);
        count += inside[j * xs.length + i] ? 1 : 0;
      }
    }
    if (count == 0) {
      throw new StepException(
          "the polygon covers no cell of the grid (x " + xs[0] + " .. " + xs[xs.length - 1]
              + ", y " + ys[0] + " .. " + ys[ys.length - 1] + "); check its coordinates and crs ("
              + crs + ")");
    }
    Map<String, MappedDataset.Region> regions = new HashMap<>();
    DatasetSchema out = in;
    for (String name : targets) {
      Variable v = StepSupport.numeric(in, name, "clip_to_polygon");
      List<String> d = v.dims();
      if (d.size() < 2 || !d.subList(d.size() - 2, d.size()).equals(grid)) {
        throw new StepException("variable '" + name + "' has dimensions " + d + "; clip_to_polygon"
            + " needs it to end with the grid dimensions " + grid);
      }
      if (v.dtype().isIntegral() && v.fillValue() == null) {
        throw new StepException("variable '" + name + "' is " + v.dtype().numpyName() + " without"
            + " a _FillValue; cast it to float32 or set one with mask's fill_value first");
      }
      double code = v.dtype().isIntegral() ? v.fillValue().doubleValue() : Double.NaN;
      DType type = v.dtype();
      int nx = xs.length;
      regions.put(name, (ds, var, origin, sh) -> {
        Array a = ds.read(var, origin, sh);
        Array o = Array.factory(type.dataType(), sh);
        IndexIterator it = a.getIndexIterator();
        IndexIterator w = o.getIndexIterator();
        int r = sh.length;
        while (it.hasNext()) {
          double x = it.getDoubleNext();
          int[] c = it.getCurrentCounter();
          boolean in2 = inside[(origin[r - 2] + c[r - 2]) * nx + origin[r - 1] + c[r - 1]];
          double y = in2 ? x : code;
          if (type.isIntegral()) {
            w.setLongNext((long) y);
          } else {
            w.setDoubleNext(y);
          }
        }
        return o;
      });
      out = out.mapVariable(name, x -> x.touchedBy(index));
    }
    return new MappedDataset(input, out, regions);
  }

  private static Variable coordinate(DatasetSchema s, String dim) {
    return s.findVariable(dim).filter(DatasetSchema::isCoordinate).orElseThrow(() ->
        new StepException("dimension '" + dim + "' has no coordinate variable; clip_to_polygon"
            + " needs 1-D x/y (or lon/lat) coordinates"));
  }

  private static UnaryOperator<double[]> projection(DatasetSchema s, Variable v, Variable x) {
    String gm = v.attributeText("grid_mapping");
    if (gm == null) {
      String u = x.attributeText("units");
      if (u != null && u.startsWith("degree")) {
        return p -> p;
      }
      throw new StepException("variable '" + v.name() + "' has no grid_mapping and its x"
          + " coordinate is not in degrees; give the polygon in grid coordinates with crs: grid");
    }
    Variable mapping = s.findVariable(gm.trim()).orElseThrow(() -> new StepException(
        "variable '" + v.name() + "' names grid_mapping '" + gm + "', which the dataset does not"
            + " have; keep it with select_variables"));
    try {
      return GridMappings.forward(mapping.attributes());
    } catch (IllegalArgumentException e) {
      throw new StepException("grid_mapping '" + gm + "': " + e.getMessage(), e);
    }
  }
}
