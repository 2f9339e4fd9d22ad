package org.headwater.pipeline.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.DType;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.ma2.Array;

/**
 * {@code cf_check}: checks, when the run is planned, that the dataset as it will be written follows
 * the CF rules users rely on: data variables have {@code units} that UDUNITS understands,
 * coordinate variables are strictly monotonic, the variables that {@code grid_mapping}, {@code
 * coordinates} and {@code bounds} name exist, and each {@code _FillValue} has its variable's type.
 * Violations go to the log and the run record's step details; with {@code strict: true} any
 * violation fails the run before an output is committed. Put it last to check what is written.
 */
final class CfCheck implements ResolvingStep {
  static final StepType TYPE = new StepType("cf_check", Set.of("strict"), Set.of(), CfCheck::new);
  private static final Logger LOG = LoggerFactory.getLogger(CfCheck.class);
  /** Coordinates longer than this are not read to check monotonicity. */
  static final int MAX_COORDINATE = 10_000_000;

  private final Params p;
  private final boolean strict;

  private CfCheck(Params p) {
    this.p = p;
    this.strict = p.bool("strict", false);
  }

  @Override
  public boolean resolved() {
    return p.has(DETAILS);
  }

  @Override
  public Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext ctx)
      throws IOException {
    List<Violation> found = findViolations(input);
    List<String> violations = found.stream().map(Violation::text).toList();
    if (!found.isEmpty()) {
      LOG.warn("cf_check on {}: {}: {}", dataset, count(found.size()), violations);
    }
    if (strict && !found.isEmpty()) {
      throw new StepException(message(found));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("violations", violations);
    return Map.of(DETAILS, details);
  }

  @Override
  public Dataset apply(Dataset input, int index) {
    return input;
  }

  /**
   * A CF violation: what is wrong, and the step that fixes it (null when no one step does).
   * Several violations share a hint, which an error then gives once.
   */
  record Violation(String fact, String hint) {
    String text() {
      return hint == null ? fact : fact + " (" + hint + ")";
    }
  }

  private static String count(int n) {
    return n + (n == 1 ? " CF violation" : " CF violations");
  }

  /** The strict-mode error: every fact, then each distinct way to fix them, once. */
  static String message(List<Violation> found) {
    Set<String> hints = new java.util.LinkedHashSet<>();
    found.forEach(v -> {
      if (v.hint() != null) {
        hints.add(v.hint());
      }
    });
    return count(found.size()) + ": "
        + String.join("; ", found.stream().map(Violation::fact).toList())
        + ". Fix them with steps before cf_check"
        + (hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")")
        + ", or drop strict: true to only record them";
  }

  /** The CF violations of a dataset, one readable line each (with how to fix it). */
  static List<String> violations(Dataset data) throws IOException {
    return findViolations(data).stream().map(Violation::text).toList();
  }

  static List<Violation> findViolations(Dataset data) throws IOException {
    DatasetSchema s = data.schema();
    List<Violation> out = new ArrayList<>();
    for (String name : StepSupport.dataVariables(s)) {
      Variable v = s.variable(name);
      String units = v.attributeText("units");
      if (units == null && v.attributeText("flag_values") == null
          && v.attributeText("flag_meanings") == null) {
        out.add(new Violation("variable '" + name + "' has no units",
            "add units with set_attributes"));
      }
    }
    for (Variable v : s.variables()) {
      String units = v.attributeText("units");
      if (units != null && !units.isBlank() && !Units.isValid(units)) {
        out.add(new Violation("variable '" + v.name() + "' has units '" + units
            + "', which UDUNITS does not know", "correct units with fix_units"));
      }
      for (String ref : List.of("grid_mapping", "coordinates", "bounds")) {
        String text = v.attributeText(ref);
        if (text == null) {
          continue;
        }
        for (String w : text.trim().split("\\s+")) {
          String name = w.endsWith(":") ? w.substring(0, w.length() - 1) : w;
          if (!name.isEmpty() && s.findVariable(name).isEmpty()) {
            out.add(new Violation("variable '" + v.name() + "' " + ref + " names '" + name
                + "', which the dataset does not have",
                "keep '" + name + "' (select_variables keeps what is referenced) or"
                    + " delete_attributes " + ref));
          }
        }
      }
      if (v.fillValue() != null && !fillMatches(v.fillValue(), v.dtype())) {
        out.add(new Violation("variable '" + v.name() + "' has a _FillValue of type "
            + v.fillValue().getClass().getSimpleName() + ", not " + v.dtype().numpyName(), null));
      }
      if (DatasetSchema.isCoordinate(v) && v.dtype().isNumeric()
          && s.dimensionLength(v.name()) <= MAX_COORDINATE && !monotonic(data.readAll(v.name()))) {
        out.add(new Violation("coordinate '" + v.name() + "' is not strictly monotonic", null));
      }
    }
    return out;
  }

  static boolean fillMatches(Number n, DType t) {
    switch (t) {
      case FLOAT32:
        return n instanceof Float;
      case FLOAT64:
        return n instanceof Double;
      case INT8:
      case UINT8:
        return n instanceof Byte;
      case INT16:
      case UINT16:
        return n instanceof Short;
      case INT32:
      case UINT32:
        return n instanceof Integer;
      default:
        return n instanceof Long;
    }
  }

  static boolean monotonic(Array a) {
    long n = a.getSize();
    if (n < 2) {
      return true;
    }
    double prev = a.getDouble(0);
    int sign = 0;
    for (int i = 1; i < n; i++) {
      double x = a.getDouble(i);
      int d = Double.compare(x, prev);
      if (d == 0 || Double.isNaN(x) || (sign != 0 && d != sign)) {
        return false;
      }
      sign = d;
      prev = x;
    }
    return true;
  }
}
