package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Dimension;
import org.headwater.pipeline.dataset.Variable;

/**
 * {@code rename}: renames variables ({@code variables: {old: new}}) and dimensions ({@code
 * dimensions: {old: new}}). References to a renamed variable in other variables' {@code
 * coordinates}, {@code grid_mapping}, {@code bounds} and {@code ancillary_variables} follow it.
 */
final class Rename {
  static final StepType TYPE =
      new StepType(
          "rename",
          Set.of("variables", "dimensions"),
          Set.of(),
          p -> {
            Map<String, String> vars = p.stringMap("variables");
            Map<String, String> dims = p.stringMap("dimensions");
            if (vars.isEmpty() && dims.isEmpty()) {
              throw new IllegalArgumentException(
                  "step 'rename' needs 'variables: {old: new}' or 'dimensions: {old: new}'");
            }
            return (input, index) -> apply(input, index, vars, dims);
          });
  private static final List<String> REFERENCES =
      List.of("coordinates", "grid_mapping", "bounds", "ancillary_variables");

  private Rename() {}

  static Dataset apply(Dataset input, int index, Map<String, String> vars, Map<String, String> dims) {
    DatasetSchema in = input.schema();
    for (String old : vars.keySet()) {
      in.variable(old);
    }
    for (String old : dims.keySet()) {
      if (in.findDimension(old).isEmpty()) {
        throw new StepException(
            "no dimension '" + old + "'; the dataset has "
                + in.dimensions().stream().map(Dimension::name).toList());
      }
    }
    Map<String, String> back = new HashMap<>();
    List<Variable> out = new ArrayList<>();
    for (Variable v : in.variables()) {
      String name = vars.getOrDefault(v.name(), v.name());
      back.put(name, v.name());
      List<String> newDims = v.dims().stream().map(d -> dims.getOrDefault(d, d)).toList();
      List<Attribute> attrs = new ArrayList<>();
      for (Attribute a : v.attributes()) {
        attrs.add(REFERENCES.contains(a.name()) && a.isText() ? renamed(a, vars) : a);
      }
      Variable nv = v.withName(name).withDims(newDims).withAttributes(attrs);
      out.add(vars.containsKey(v.name()) || !newDims.equals(v.dims()) ? nv.touchedBy(index) : nv);
    }
    long distinct = out.stream().map(Variable::name).distinct().count();
    if (distinct != out.size()) {
      throw new StepException("renaming would give two variables the same name: " + vars);
    }
    List<Dimension> newDimensions =
        in.dimensions().stream()
            .map(d -> new Dimension(dims.getOrDefault(d.name(), d.name()), d.length()))
            .toList();
    DatasetSchema schema =
        new DatasetSchema(newDimensions, out, in.attributes());
    return new DerivedDataset(input, schema, n -> back.getOrDefault(n, n));
  }

  private static Attribute renamed(Attribute a, Map<String, String> vars) {
    String[] words = a.text().trim().split("\\s+");
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      String base = w.endsWith(":") ? w.substring(0, w.length() - 1) : w;
      String r = vars.getOrDefault(base, base) + (w.endsWith(":") ? ":" : "");
      b.append(b.length() == 0 ? "" : " ").append(r);
    }
    return Attributes.find(List.of(a), a.name()).map(x -> Attribute.text(a.name(), b.toString())).get();
  }
}
