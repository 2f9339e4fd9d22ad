package org.headwater.pipeline.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headwater.pipeline.recipe.StepSpec;
import org.headwater.pipeline.steps.Steps;

/**
 * Headwater's cleansing and geospatial steps as Beam transforms over lazy datasets: typed
 * factories for the common ones, {@link #of} for any step of {@code docs/steps.md} by name with
 * its parameters exactly as a recipe gives them, and {@link #subprocess} for a command-line tool.
 * Each returns a transform that appends the step to every dataset of its input and checks the
 * step's schema there; {@link ApplyStep#with} adds a parameter. Steps are numbered in the order
 * they are applied (as in a recipe), which is how run.json and PROV name them.
 *
 * <pre>{@code
 * speed.apply(HeadwaterSteps.rename(Map.of("velsurf_mag", "surface_speed")))
 *     .apply(HeadwaterSteps.mask("surface_speed").with("equal", -9999))
 *     .apply(HeadwaterSteps.convertUnits("surface_speed", "m s-1").with("from", "m year-1"))
 *     .apply(HeadwaterSteps.subset(-52, 66, -36, 74));
 * }</pre>
 */
public final class HeadwaterSteps {
  private HeadwaterSteps() {}

  /** Any registered step by name, e.g. {@code of("coarsen", Map.of("factors", Map.of("x", 2)))}. */
  public static ApplyStep of(String step, Map<String, ?> parameters) {
    return new ApplyStep(step, new LinkedHashMap<>(parameters), null, null);
  }

  /** The names {@link #of} accepts. */
  public static java.util.Set<String> names() {
    return Steps.names();
  }

  /** A recipe's step, with its recipe number and location (what {@link RecipeTransforms} applies). */
  static ApplyStep of(StepSpec spec) {
    return new ApplyStep(spec.name(), spec.parameters(), spec.index(), spec.where());
  }

  /** {@code rename}: variables (and their dimensions' names stay) renamed, old name to new. */
  public static ApplyStep rename(Map<String, String> variables) {
    return of("rename", Map.of("variables", new LinkedHashMap<>(variables)));
  }

  /** {@code mask}: values of a variable set missing; add {@code equal}, {@code below}, {@code above}, ... */
  public static ApplyStep mask(String variable) {
    return of("mask", Map.of("variable", variable));
  }

  /** {@code convert_units}: a variable converted to {@code to} (UDUNITS); add {@code from} if its units are wrong. */
  public static ApplyStep convertUnits(String variable, String to) {
    return of("convert_units", one("variable", variable, "to", to));
  }

  /** {@code convert_units} of several variables (or CSV columns). */
  public static ApplyStep convertUnits(List<String> variables, String to) {
    return of("convert_units", one("variables", List.copyOf(variables), "to", to));
  }

  /** {@code subset}: the grid cut to a lon/lat box (west, south, east, north, degrees). */
  public static ApplyStep subset(Number west, Number south, Number east, Number north) {
    return of("subset", Map.of("bbox", List.of(west, south, east, north)));
  }

  /** {@code set_attributes}: attributes set on a variable (or globally, with a null variable). */
  public static ApplyStep setAttributes(String variable, Map<String, ?> attributes) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (variable != null) {
      p.put("variable", variable);
    }
    p.put("attributes", new LinkedHashMap<>(attributes));
    return of("set_attributes", p);
  }

  /** {@code history}: a line naming the run appended to the outputs' CF history. */
  public static ApplyStep history() {
    return of("history", Map.of());
  }

  /** {@code cf_check}: the CF conventions checked; {@code strict} fails the run on a violation. */
  public static ApplyStep cfCheck(boolean strict) {
    return of("cf_check", Map.of("strict", strict));
  }

  /** {@code coarsen}: blocks of {@code factors} cells (by dimension) reduced to one (mean by default). */
  public static ApplyStep coarsen(Map<String, Integer> factors) {
    return of("coarsen", Map.of("factors", new LinkedHashMap<>(factors)));
  }

  /**
   * {@code reproject}: the grid resampled to a target CRS ({@code EPSG:4326} or WKT); add {@code
   * resolution}, {@code bounds} and {@code resampling} (nearest, bilinear or average).
   */
  public static ApplyStep reproject(String crs) {
    return of("reproject", Map.of("crs", crs));
  }

  /** {@code rename_columns} of a CSV table. */
  public static ApplyStep renameColumns(Map<String, String> columns) {
    return of("rename_columns", Map.of("columns", new LinkedHashMap<>(columns)));
  }

  /** {@code filter_rows}: the rows of a table where an expression holds, e.g. {@code year >= 2000}. */
  public static ApplyStep filterRows(String where) {
    return of("filter_rows", Map.of("where", where));
  }

  /** {@code derive_column}: a new column from an expression; add {@code units}, {@code long_name}. */
  public static ApplyStep deriveColumn(String name, String expression) {
    return of("derive_column", one("name", name, "expression", expression));
  }

  /** A command-line tool run on the dataset; see {@link Subprocess}. */
  public static Subprocess subprocess(String... argv) {
    return new Subprocess(List.of(argv), List.of(), 600, Map.of());
  }

  private static Map<String, Object> one(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
