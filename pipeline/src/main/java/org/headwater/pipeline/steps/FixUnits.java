package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.units.Units;

/**
 * {@code fix_units}: replaces a units string without changing values, for units that are right but
 * badly spelled (e.g. {@code m/yr} for {@code m year-1}). With {@code variable}/{@code variables},
 * those variables get {@code units}; with {@code from} only, every variable whose units are exactly
 * {@code from}. With both, the named variables must have units {@code from}. The new units must be
 * UDUNITS units unless {@code check: false}.
 */
final class FixUnits {
  static final StepType TYPE =
      new StepType(
          "fix_units",
          Set.of("variable", "variables", "units", "from", "check"),
          Set.of("units"),
          p -> {
            List<String> named = StepSupport.named(p);
            String units = p.string("units", null);
            String from = p.string("from", null);
            if (named == null && from == null) {
              throw p.bad("variable", "a variable (or 'from: OLD_UNITS' to fix every match)", null);
            }
            if (p.bool("check", true) && !Units.isValid(units)) {
              throw p.bad("units", "UDUNITS units such as 'm year-1' (or check: false)", units);
            }
            return (input, index) -> apply(input, index, named, units, from);
          });

  private FixUnits() {}

  static Dataset apply(Dataset input, int index, List<String> named, String units, String from) {
    DatasetSchema in = input.schema();
    List<Variable> out = new ArrayList<>();
    int changed = 0;
    for (Variable v : in.variables()) {
      String current = v.attributeText("units");
      boolean mine =
          named == null ? from.equals(current) : named.contains(v.name());
      if (mine && named != null && from != null && !from.equals(current)) {
        throw new StepException(
            "variable '" + v.name() + "' has units '" + current + "', not '" + from
                + "'; correct 'from' or leave it out");
      }
      if (mine) {
        changed++;
        out.add(
            v.withAttributes(Attributes.with(v.attributes(), Attribute.text("units", units)))
                .touchedBy(index));
      } else {
        out.add(v);
      }
    }
    if (named != null) {
      named.forEach(in::variable);
    } else if (changed == 0) {
      throw new StepException(
          "no variable has units '" + from + "'; the units in the dataset are "
              + in.variables().stream().map(v -> v.attributeText("units")).filter(u -> u != null)
                  .distinct().toList());
    }
    return new DerivedDataset(input, in.withVariables(out));
  }
}
