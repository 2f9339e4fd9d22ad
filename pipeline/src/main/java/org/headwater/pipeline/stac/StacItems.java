package org.headwater.pipeline.stac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.provenance.record.RunRecord;

/**
 * One STAC Item per run output: its footprint and times from the output's coverage, one asset
 * per file (each GeoTIFF of a {@code geotiff} output, with its projection), {@code
 * derived_from} links to the sources and a {@code via} link to the run's PROV graph.
 */
final class StacItems {
  private StacItems() {}

  static Map<String, Object> item(RunRecord run, OutputRecord out) {
    List<Double> bbox = bbox(out);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", "Feature");
    item.put("stac_version", StacFields.VERSION);
    item.put("stac_extensions", out.rasters().isEmpty()
        ? List.of(StacFields.FILE) : List.of(StacFields.PROJECTION, StacFields.FILE));
    item.put("id", out.name());
    item.put("collection", run.recipe().id());
    item.put("geometry", bbox == null ? null : StacFields.polygon(bbox));
    if (bbox != null) {
      item.put("bbox", bbox);
    }
    item.put("properties", properties(run, out));
    item.put("links", links(run, out));
    item.put("assets", assets(out));
    return item;
  }

  /** {west, south, east, north}: the rasters' union, else the coverage's box, else null. */
  static List<Double> bbox(OutputRecord out) {
    if (!out.rasters().isEmpty()) {
      double[] b = {180, 90, -180, -90};
      for (RasterRecord r : out.rasters()) {
        b[0] = Math.min(b[0], r.bbox().get(0));
        b[1] = Math.min(b[1], r.bbox().get(1));
        b[2] = Math.max(b[2], r.bbox().get(2));
        b[3] = Math.max(b[3], r.bbox().get(3));
      }
      return List.of(b[0], b[1], b[2], b[3]);
    }
    Coverage c = out.coverage();
    if (c == null || c.west() == null || c.south() == null || c.east() == null || c.north() == null) {
      return null;
    }
    return List.of(c.west(), c.south(), c.east(), c.north());
  }

  private static Map<String, Object> properties(RunRecord run, OutputRecord out) {
    Map<String, Object> p = new LinkedHashMap<>();
    Coverage c = out.coverage();
    if (c != null && c.timeStart() != null && c.timeEnd() != null) {
      p.put("datetime", null);
      p.put("start_datetime", StacFields.rfc3339(c.timeStart()));
      p.put("end_datetime", StacFields.rfc3339(c.timeEnd()));
    } else {
      p.put("datetime", run.ended().toString()); // no time coordinate: when the data was made
    }
    p.put("created", run.ended().toString());
    if (!out.rasters().isEmpty()) {
      p.put("proj:code", out.rasters().get(0).crs().code());
    }
    return p;
  }

  private static List<Map<String, Object>> links(RunRecord run, OutputRecord out) {
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(StacFields.link("self", "./" + out.name() + ".json", StacFields.GEOJSON, null));
    links.add(StacFields.link("root", "./collection.json", "application/json", null));
    links.add(StacFields.link("parent", "./collection.json", "application/json", null));
    links.add(StacFields.link("collection", "./collection.json", "application/json", null));
    links.addAll(derivedFrom(run));
    links.add(StacFields.link("via", "../prov.ttl", "text/turtle", "W3C PROV lineage of this run"));
    return links;
  }

  /** One link per source of truth (a DOI as its resolver URL), or per source file without one. */
  static List<Map<String, Object>> derivedFrom(RunRecord run) {
    Set<String> hrefs = new LinkedHashSet<>();
    for (InputRecord in : run.inputs()) {
      String sot = in.sourceOfTruth();
      hrefs.add(sot == null ? in.url()
          : sot.startsWith("doi:") ? "https://doi.org/" + sot.substring(4) : sot);
    }
    return hrefs.stream().map(h -> StacFields.link("derived_from", h, null, null)).toList();
  }

  private static Map<String, Object> assets(OutputRecord out) {
    Map<String, Object> assets = new LinkedHashMap<>();
    String type = StacFields.mediaType(out.format());
    if (out.rasters().isEmpty()) {
      Map<String, Object> a = asset("../" + out.path(), type, out.sha256(), out.size(), out.name());
      if ("zarr".equalsIgnoreCase(out.format())) {
        a.remove("file:checksum"); // a store's hash is of its manifest, not of one file's bytes
        a.remove("file:size");
      }
      assets.put("data", a);
      return assets;
    }
    for (RasterRecord r : out.rasters()) {
      Map<String, Object> a = asset("../" + out.path() + "/" + r.file(), type, r.sha256(),
          r.size(), r.file());
      a.put("proj:code", r.crs().code());
      if (r.crs().code() == null) {
        a.put("proj:wkt2", r.crs().wkt());
      }
      a.put("proj:shape", List.of(r.rows(), r.columns()));
      List<Double> t = r.transform(); // GDAL order to the extension's (affine a..f)
      a.put("proj:transform", List.of(t.get(1), t.get(2), t.get(0), t.get(4), t.get(5), t.get(3)));
      assets.put(r.file().replaceFirst("\\.tif$", ""), a);
    }
    return assets;
  }

  private static Map<String, Object> asset(String href, String type, String sha, long size,
      String title) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("href", href);
    a.put("type", type);
    a.put("title", title);
    a.put("roles", List.of("data"));
    a.put("file:checksum", StacFields.multihash(sha));
    a.put("file:size", size);
    return a;
  }
}
