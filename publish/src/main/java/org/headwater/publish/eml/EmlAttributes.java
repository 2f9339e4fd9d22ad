package org.headwater.publish.eml;

import org.headwater.provenance.Plural;
import java.util.List;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.publish.internal.XmlOut;

/** Writes an EML {@code attributeList}: one attribute per variable or CSV column. */
final class EmlAttributes {
  private EmlAttributes() {}

  static void write(XmlOut x, List<VariableRecord> variables) {
    x.start("attributeList");
    for (VariableRecord v : variables) {
      x.start("attribute");
      x.leaf("attributeName", v.name());
      x.leaf("attributeDefinition", definition(v));
      x.leaf("storageType", EmlUnits.storageType(v.dtype()));
      x.start("measurementScale");
      scale(x, v);
      x.end();
      if (v.missingValue() != null && !v.missingValue().isBlank()) {
        x.start("missingValueCode")
            .leaf("code", v.missingValue())
            .leaf("codeExplanation", "missing value (_FillValue or missing_value)")
            .end();
      }
      x.end();
    }
    x.end();
  }

  private static void scale(XmlOut x, VariableRecord v) {
    String storage = EmlUnits.storageType(v.dtype());
    if ("dateTime".equals(storage)) {
      x.start("dateTime").leaf("formatString", "YYYY-MM-DDThh:mm:ss").end();
      return;
    }
    if (!EmlUnits.isNumeric(v.dtype())) {
      x.start("nominal").start("nonNumericDomain").start("textDomain")
          .leaf("definition", definition(v)).end().end().end();
      return;
    }
    x.start("ratio").start("unit");
    boolean unitless = v.units() == null || v.units().isBlank();
    String standard = unitless ? "dimensionless" : EmlUnits.standard(v.units());
    if (standard != null) {
      x.leaf("standardUnit", standard);
    } else {
      x.leaf("customUnit", v.units());
    }
    x.end();
    x.start("numericDomain")
        .leaf("numberType", EmlUnits.isInteger(v.dtype()) ? "integer" : "real")
        .end();
    x.end();
  }

  private static String definition(VariableRecord v) {
    String d = v.description() == null || v.description().isBlank() ? v.name() : v.description();
    if (!v.dimensions().isEmpty()) {
      d += " (dimensions: " + String.join(", ", v.dimensions()) + ")";
    }
    if (!v.sources().isEmpty() && !v.sources().equals(List.of(v.name()))) {
      d += "; derived from source " + Plural.noun(v.sources().size(), "variable", "variables") + " "
          + String.join(", ", v.sources());
    }
    return d;
  }
}
