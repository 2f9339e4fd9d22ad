package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.geo.GridAxes;
import org.headwater.pipeline.geo.Resampling;
import org.headwater.pipeline.steps.ReprojectedDataset.Kind;

/**
 * The schema after {@code reproject}: the source grid's dimensions, coordinates, auxiliary
 * coordinates, bounds and grid mapping replaced by the target's; gridded variables on the new
 * dimensions (integers become float64 and packing is dropped unless resampling is nearest).
 */
final class ReprojectedSchemas {
  static final String MAPPING = "crs";

  private ReprojectedSchemas() {}

  static Dataset dataset(Dataset input, int index, GridAxes src, GridAxes tgt, Resampling m) {
    DatasetSchema in = input.schema();
    Set<String> aux = StepSupport.referenced(in);
    boolean geographic = tgt.crs().isGeographic();
    List<Dimension> dims = new ArrayList<>();
    for (Dimension d : in.dimensions()) {
      if (d.name().equals(src.yDim())) {
        dims.add(new Dimension(tgt.yDim(), tgt.ny()));
      } else if (d.name().equals(src.xDim())) {
        dims.add(new Dimension(tgt.xDim(), tgt.nx()));
      } else if (!d.name().equals(tgt.yDim()) && !d.name().equals(tgt.xDim())) {
        dims.add(d);
      }
    }
    Map<String, Kind> kinds = new LinkedHashMap<>();
    List<Variable> vars = new ArrayList<>();
    Set<String> replaced = Set.of(src.yDim(), src.xDim(), tgt.yDim(), tgt.xDim(), MAPPING);
    for (Variable v : in.variables()) {
      boolean onGrid = v.dims().contains(src.yDim()) || v.dims().contains(src.xDim());
      if (replaced.contains(v.name()) || aux.contains(v.name()) && (onGrid || v.dims().isEmpty())
          || geographic && (v.name().equals("lat") || v.name().equals("lon"))) {
        continue;
      }
      if (!onGrid) {
        vars.add(v);
        continue;
      }
      List<String> vd = v.dims();
      int n = vd.size();
      if (n < 2 || !vd.get(n - 2).equals(src.yDim()) || !vd.get(n - 1).equals(src.xDim())) {
        throw new StepException("variable '" + v.name() + "' has dimensions " + vd + ", not ending"
            + " in the grid's [" + src.yDim() + ", " + src.xDim() + "]; drop it with"
            + " drop_variables before reproject");
      }
      List<String> nd = new ArrayList<>(vd.subList(0, n - 2));
      nd.addAll(List.of(tgt.yDim(), tgt.xDim()));
      List<Attribute> attrs = Attributes.with(Attributes.without(v.attributes(), "coordinates"),
          Attribute.text("grid_mapping", MAPPING));
      if (!geographic) {
        attrs = Attributes.with(attrs, Attribute.text("coordinates", "lat lon"));
      }
      Variable out = v.withDims(nd).withAttributes(attrs);
      if (m != Resampling.NEAREST) {
        DType t = v.dtype().isIntegral() ? DType.FLOAT64 : v.dtype();
        out = out.withNewValues().withDtype(t, t == v.dtype() ? v.fillValue() : Double.NaN);
      }
      vars.add(out.touchedBy(index));
      kinds.put(v.name(), Kind.GRIDDED);
    }
    vars.addAll(newVariables(tgt, geographic, kinds));
    return new ReprojectedDataset(input, new DatasetSchema(dims, vars, in.attributes()), src, tgt,
        m, kinds);
  }

  private static List<Variable> newVariables(GridAxes t, boolean geographic,
      Map<String, Kind> kinds) {
    List<Variable> out = new ArrayList<>();
    if (geographic) {
      out.add(coordinate(t.yDim(), List.of(t.yDim()), "latitude", "degrees_north"));
      out.add(coordinate(t.xDim(), List.of(t.xDim()), "longitude", "degrees_east"));
    } else {
      out.add(coordinate(t.yDim(), List.of(t.yDim()), "projection_y_coordinate", "m"));
      out.add(coordinate(t.xDim(), List.of(t.xDim()), "projection_x_coordinate", "m"));
      out.add(coordinate("lat", List.of(t.yDim(), t.xDim()), "latitude", "degrees_north"));
      out.add(coordinate("lon", List.of(t.yDim(), t.xDim()), "longitude", "degrees_east"));
      kinds.put("lat", Kind.LAT);
      kinds.put("lon", Kind.LON);
    }
    kinds.put(t.yDim(), Kind.Y);
    kinds.put(t.xDim(), Kind.X);
    List<Attribute> m = new ArrayList<>();
    if (geographic) {
      m.add(Attribute.text("grid_mapping_name", "latitude_longitude"));
    }
    m.add(Attribute.text("crs_wkt", t.crs().wkt()));
    m.add(Attribute.text("spatial_ref", t.crs().wkt()));
    m.add(Attribute.text("long_name", t.crs().label()));
    out.add(new Variable(MAPPING, DType.INT32, List.of(), m, null, List.of(), List.of()));
    kinds.put(MAPPING, Kind.MAPPING);
    return out;
  }

  private static Variable coordinate(String name, List<String> dims, String standardName,
      String units) {
    return new Variable(name, DType.FLOAT64, dims, List.of(
        Attribute.text("standard_name", standardName), Attribute.text("units", units)),
        null, List.of(), List.of());
  }
}
