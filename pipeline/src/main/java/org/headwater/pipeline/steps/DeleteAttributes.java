package org.headwater.pipeline.steps;

import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;

/**
 * {@code delete_attributes}: removes attributes ({@code attributes: [a, b]}) from a variable
 * ({@code variable: NAME}) or, without {@code variable}, from the dataset. An attribute that is not
 * there is an error (a recipe that deletes nothing is probably wrong), unless {@code missing_ok:
 * true}.
 */
final class DeleteAttributes {
  static final StepType TYPE =
      new StepType(
          "delete_attributes",
          Set.of("variable", "attributes", "missing_ok"),
          Set.of("attributes"),
          p -> {
            String variable = p.string("variable", null);
            List<String> names = p.strings("attributes");
            boolean missingOk = p.bool("missing_ok", false);
            if (names.isEmpty()) {
              throw p.bad("attributes", "at least one attribute name", names);
            }
            return (input, index) -> apply(input, index, variable, names, missingOk);
          });

  private DeleteAttributes() {}

  static Dataset apply(
      Dataset input, int index, String variable, List<String> names, boolean missingOk) {
    DatasetSchema in = input.schema();
    DatasetSchema out;
    if (variable == null) {
      check(in.attributes(), names, "the dataset", missingOk);
      out = in.withAttributes(Attributes.without(in.attributes(), names.toArray(String[]::new)));
    } else {
      check(in.variable(variable).attributes(), names, "variable '" + variable + "'", missingOk);
      out =
          in.mapVariable(
              variable,
              v ->
                  v.withAttributes(Attributes.without(v.attributes(), names.toArray(String[]::new)))
                      .touchedBy(index));
    }
    return new DerivedDataset(input, out);
  }

  private static void check(List<Attribute> attrs, List<String> names, String where, boolean ok) {
    if (ok) {
      return;
    }
    for (String n : names) {
      if (Attributes.find(attrs, n).isEmpty()) {
        throw new StepException(
            where + " has no attribute '" + n + "'; it has "
                + attrs.stream().map(Attribute::name).toList()
                + " (set missing_ok: true to ignore absent attributes)");
      }
    }
  }
}
