package org.headwater.pipeline.stac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;

/** The run's STAC Collection: the recipe's title and licence, the outputs' extent, one item link each. */
final class StacCollection {
  private StacCollection() {}

  static Map<String, Object> collection(RunRecord run) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "Collection");
    c.put("stac_version", StacFields.VERSION);
    c.put("stac_extensions", List.of());
    c.put("id", run.recipe().id());
    c.put("title", run.recipe().title() == null ? run.recipe().id() : run.recipe().title());
    c.put("description", run.recipe().description() == null || run.recipe().description().isBlank()
        ? "Outputs of run " + run.runId() + " of the Headwater recipe " + run.recipe().id()
        : run.recipe().description());
    c.put("keywords", run.recipe().keywords());
    c.put("license", license(run.recipe().license()));
    c.put("extent", extent(run));
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(StacFields.link("self", "./collection.json", "application/json", null));
    links.add(StacFields.link("root", "./collection.json", "application/json", null));
    for (OutputRecord o : run.outputs()) {
      links.add(StacFields.link("item", "./" + o.name() + ".json", StacFields.GEOJSON, o.name()));
    }
    links.addAll(StacItems.derivedFrom(run));
    links.add(StacFields.link("via", "../prov.ttl", "text/turtle", "W3C PROV lineage of this run"));
    c.put("links", links);
    return c;
  }

  /** An SPDX id as STAC 1.0 wants it; none given is {@code other}. */
  private static String license(String spdx) {
    return spdx == null || !spdx.matches("[\\w\\-.+]+") ? "other" : spdx;
  }

  private static Map<String, Object> extent(RunRecord run) {
    double[] b = {180, 90, -180, -90};
    boolean any = false;
    String start = null;
    String end = null;
    for (OutputRecord o : run.outputs()) {
      List<Double> box = StacItems.bbox(o);
      if (box != null) {
        any = true;
        b[0] = Math.min(b[0], box.get(0));
        b[1] = Math.min(b[1], box.get(1));
        b[2] = Math.max(b[2], box.get(2));
        b[3] = Math.max(b[3], box.get(3));
      }
      Coverage cov = o.coverage();
      if (cov != null && cov.timeStart() != null && cov.timeEnd() != null) {
        String s = StacFields.rfc3339(cov.timeStart());
        String e = StacFields.rfc3339(cov.timeEnd());
        start = start == null || s.compareTo(start) < 0 ? s : start;
        end = end == null || e.compareTo(end) > 0 ? e : end;
      }
    }
    List<Double> bbox = any ? List.of(b[0], b[1], b[2], b[3]) : List.of(-180.0, -90.0, 180.0, 90.0);
    List<String> interval = new ArrayList<>();
    interval.add(start);
    interval.add(end);
    return Map.of("spatial", Map.of("bbox", List.of(bbox)),
        "temporal", Map.of("interval", List.of(interval)));
  }
}
