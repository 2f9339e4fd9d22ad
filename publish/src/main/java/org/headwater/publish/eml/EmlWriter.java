package org.headwater.publish.eml;

import org.headwater.provenance.Plural;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.publish.internal.XmlOut;
import org.headwater.publish.sysmeta.PackageObject;

/**
 * Writes EML 2.2.0 for a run: title, creators with ORCIDs, contact, abstract, keywords, license,
 * coverage, methods (one step per recipe step plus a provenance summary), project and funding, and
 * one entity per data object whose id is its PID ({@code dataTable} with an attribute list for
 * CSV, {@code spatialRaster} for each GeoTIFF ({@link EmlRaster}), {@code otherEntity} with the
 * variables for NetCDF and the recipe), each with its checksum
 * and resolve URL. Element order follows the schema; user text is escaped by StAX.
 */
public final class EmlWriter {
  private EmlWriter() {}

  public static byte[] write(Eml eml) {
    RunRecord run = eml.run();
    RecipeInfo r = run.recipe();
    XmlOut x = new XmlOut().root("eml", "eml", Eml.NS);
    x.attr("packageId", eml.packageId().value()).attr("system", eml.system());
    x.start("dataset");
    x.leaf("alternateIdentifier", "headwater-run:" + run.runId());
    x.leaf("title", nonBlank(r.title(), r.id()));
    List<Creator> creators = r.creators().isEmpty() ? List.of(new Creator("Headwater user", null, null, null)) : r.creators();
    creators.forEach(c -> party(x, "creator", c));
    x.leaf("pubDate", eml.pubDate());
    x.leaf("language", "English");
    x.start("abstract").leaf("para", nonBlank(r.description(), "Derived dataset made by the Headwater recipe " + r.id() + ".")).end();
    if (!r.keywords().isEmpty()) {
      x.start("keywordSet");
      r.keywords().forEach(k -> x.leaf("keyword", k));
      x.end();
    }
    License.of(r.license()).write(x);
    EmlCoverage.write(x, run.outputs());
    party(x, "contact", contact(creators));
    x.start("publisher").leaf("organizationName", eml.publisher()).end();
    methods(x, run);
    project(x, r, creators);
    for (PackageObject o : eml.entities()) {
      entity(x, o);
    }
    return x.toBytes();
  }

  private static Creator contact(List<Creator> creators) {
    return creators.stream().filter(c -> c.email() != null).findFirst().orElse(creators.get(0));
  }

  static void party(XmlOut x, String element, Creator c) {
    party(x, element, c, null);
  }

  static void party(XmlOut x, String element, Creator c, String role) {
    x.start(element);
    String[] names = Names.split(c.name());
    x.start("individualName").leaf("givenName", names[0]).leaf("surName", names[1]).end();
    x.leaf("organizationName", c.affiliation());
    x.leaf("electronicMailAddress", c.email());
    if (c.orcid() != null) {
      x.start("userId").attr("directory", "https://orcid.org").text(c.orcid()).end();
    }
    x.leaf("role", role);
    x.end();
  }

  private static void methods(XmlOut x, RunRecord run) {
    x.start("methods");
    for (StepRecord s : run.steps()) {
      x.start("methodStep").start("description");
      x.leaf("para", "Step " + s.number() + ": " + s.name());
      for (Map.Entry<String, Object> p : new TreeMap<>(s.parameters()).entrySet()) {
        x.leaf("para", p.getKey() + " = " + p.getValue());
      }
      if (!s.variables().isEmpty()) {
        x.leaf("para", "Variables changed: " + String.join(", ", s.variables()));
      }
      x.end().end();
    }
    x.start("methodStep").start("description");
    x.leaf("para", "Provenance: made by the Headwater recipe '" + run.recipe().id() + "' (SHA-256 "
        + run.recipe().sha256() + ") in run " + run.runId() + ", from "
        + Plural.count(run.inputs().size(), "source file") + ". The resource map of this package carries the W3C PROV lineage.");
    if (run.software() != null) {
      var sw = run.software();
      x.leaf("para", "Software: Headwater " + sw.headwater() + ", Java " + sw.java() + ", Apache Beam "
          + sw.beam() + ", NetCDF-Java " + sw.netcdfJava() + ", runner " + sw.runner());
    }
    for (InputRecord in : run.inputs()) {
      x.leaf("para", "Source " + in.url() + " (SHA-256 " + in.sha256() + ", " + in.size() + " bytes"
          + (in.sourceOfTruth() == null ? "" : ", from " + in.sourceOfTruth()) + ")");
    }
    x.end().end();
    x.end();
  }

  private static void project(XmlOut x, RecipeInfo r, List<Creator> creators) {
    x.start("project");
    x.leaf("title", nonBlank(r.title(), r.id()));
    for (Creator c : creators) {
      party(x, "personnel", c, "principalInvestigator");
    }
    for (Funding f : r.funding()) {
      x.start("award");
      x.leaf("funderName", f.funder());
      x.leaf("awardNumber", f.award());
      x.leaf("title", nonBlank(f.title(), f.funder() + (f.award() == null ? "" : " award " + f.award())));
      x.end();
    }
    x.end();
  }

  private static void entity(XmlOut x, PackageObject o) {
    OutputRecord out = o.output();
    boolean csv = "text/csv".equals(o.formatId());
    boolean raster = out != null && out.rasters().size() == 1;
    x.start(csv ? "dataTable" : raster ? "spatialRaster" : "otherEntity").attr("id", o.pid().value());
    x.leaf("entityName", o.fileName());
    x.leaf("entityDescription", describe(o));
    x.start("physical");
    x.leaf("objectName", o.fileName());
    x.start("size").attr("unit", "bytes").text(o.size()).end();
    x.start("authentication").attr("method", o.checksum().algorithm()).text(o.checksum().value()).end();
    x.start("dataFormat");
    if (csv) {
      x.start("textFormat").leaf("numHeaderLines", 1).leaf("recordDelimiter", "\\n")
          .leaf("attributeOrientation", "column")
          .start("simpleDelimited").leaf("fieldDelimiter", ",").leaf("quoteCharacter", "\"").end()
          .end();
    } else {
      x.start("externallyDefinedFormat").leaf("formatName", o.formatId()).end();
    }
    x.end();
    x.start("distribution").start("online").start("url").attr("function", "download")
        .text(o.resolveUrl()).end().end().end();
    x.end();
    if (out != null && out.coverage() != null) {
      EmlCoverage.write(x, List.of(out));
    }
    if (out != null && !out.variables().isEmpty()) {
      EmlAttributes.write(x, out.variables());
    }
    if (raster) {
      EmlRaster.write(x, out.rasters().get(0));
    } else if (!csv) {
      x.leaf("entityType", o.formatId());
    }
    x.end();
  }

  private static String describe(PackageObject o) {
    if (o.role() == PackageObject.Role.RECIPE) {
      return "The Headwater recipe (YAML) that made this dataset.";
    }
    OutputRecord out = o.output();
    if (out == null) {
      return o.fileName();
    }
    List<String> names = out.variables().stream().map(VariableRecord::name).toList();
    return "Output '" + out.name() + "' (" + out.format() + ")"
        + (names.isEmpty() ? "" : " with variables " + String.join(", ", names));
  }

  static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
