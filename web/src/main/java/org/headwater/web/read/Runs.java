package org.headwater.web.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.vocabulary.DCTerms;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.graph.ProvIris;
import org.headwater.web.view.OutputFile;
import org.headwater.web.view.RunSummary;
import org.headwater.web.view.Skipped;
import org.headwater.web.view.SourceFile;
import org.headwater.web.view.Step;
import org.headwater.web.view.VariableRow;

/** Reads runs from the store (call inside a read transaction). */
public final class Runs {
  private Runs() {}

  /** The newest 100 runs, newest first. */
  public static List<RunSummary> all(Dataset ds) {
    Map<Node, String> dois = new java.util.HashMap<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.PUBLISHED, Map.of())) {
      dois.put(r.node("run"), r.text("doi"));
    }
    List<RunSummary> runs = new ArrayList<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.RUNS, Map.of())) {
      runs.add(summary(r, r.text("id"), dois.get(r.node("run"))));
    }
    return runs;
  }

  /** The run called {@code id}, if the store holds it. */
  public static Optional<Rows.Row> row(Dataset ds, String id) {
    return Rows.select(ds, WebQuery.RUN, Map.of("id", NodeFactory.createLiteralString(id))).stream().findFirst();
  }

  /**
   * Where run {@code id}'s recipe copy is: the one in its own run directory, else the location
   * {@code row} (its {@link #row}) names.
   */
  public static String recipeLocation(Dataset ds, Rows.Row row, String id) {
    Node plan = row.node("plan");
    if (plan == null) {
      return row.text("recipeLocation");
    }
    return Rows.select(ds, WebQuery.RUN_RECIPE_LOCATION,
            Map.of("plan", plan, "dir", NodeFactory.createLiteralString("/" + id + "/"))).stream()
        .map(r -> r.text("location")).findFirst().orElse(row.text("recipeLocation"));
  }

  /** The summary of the run whose {@link #row} is {@code row}. */
  public static RunSummary summary(Rows.Row row, String id) {
    return summary(row, id, row.text("doi"));
  }

  /** The summary of run {@code id}, if the store holds it. */
  public static Optional<RunSummary> summary(Dataset ds, String id) {
    return row(ds, id).map(r -> summary(r, id, r.text("doi")));
  }

  static RunSummary summary(Rows.Row r, String id, String doi) {
    String title = r.text("title");
    return new RunSummary(id, title == null ? id : title, r.text("status"), r.text("started"),
        r.text("ended"), doi);
  }

  static Node run(String id) {
    return NodeFactory.createURI(ProvIris.run(id));
  }

  /** The run's outputs, by path. */
  public static List<OutputFile> outputs(Dataset ds, String id) {
    List<OutputFile> out = new ArrayList<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.RUN_OUTPUTS, Map.of("run", run(id)))) {
      out.add(new OutputFile(r.text("sha256"), r.text("title"), r.text("path"), r.text("format"), r.number("size"),
          r.text("location")));
    }
    return out;
  }

  /** The run's source files, by source of truth and URL. */
  public static List<SourceFile> sources(Dataset ds, String id) {
    List<SourceFile> out = new ArrayList<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.RUN_SOURCES, Map.of("run", run(id)))) {
      out.add(new SourceFile(r.text("sha256"), r.text("url"), r.text("truth"), r.text("key"), r.number("size"),
          r.text("lastModified")));
    }
    return out;
  }

  /** The run's steps in order, with parameters and details. */
  public static List<Step> steps(Dataset ds, String id) {
    List<Step> steps = new ArrayList<>();
    int number = -1;
    String name = null;
    List<Step.Param> params = new ArrayList<>();
    List<Step.Param> details = new ArrayList<>();
    for (Rows.Row r : Rows.select(ds, WebQuery.RUN_STEPS, Map.of("run", run(id)))) {
      int n = r.number("number").intValue();
      if (n != number && name != null) {
        steps.add(new Step(number, name, params, details));
        params.clear();
        details.clear();
      }
      number = n;
      name = r.text("name");
      if (r.text("label") != null) {
        ("detail".equals(r.text("kind")) ? details : params).add(new Step.Param(r.text("label"), r.text("value")));
      }
    }
    if (name != null) {
      steps.add(new Step(number, name, params, details));
    }
    return steps;
  }

  /** The variables of the run's outputs, by path and name. */
  public static List<VariableRow> variables(Dataset ds, String id) {
    return Rows.select(ds, WebQuery.RUN_VARIABLES, Map.of("run", run(id))).stream()
        .map(r -> new VariableRow(r.text("path"), r.text("name"), r.text("units"), r.text("dimensions"),
            r.text("dataType"), r.text("description")))
        .toList();
  }

  /** The id of the run that generated {@code file}, or null. */
  public static String generatedBy(Graph union, Node file) {
    Node run = first(union, file, PROV.wasGeneratedBy.asNode());
    Node id = run == null ? null : first(union, run, DCTerms.identifier.asNode());
    return id == null || !id.isLiteral() ? null : id.getLiteralLexicalForm();
  }

  private static Node first(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      org.apache.jena.atlas.iterator.Iter.close(it);
    }
  }

  /** Files the run skipped. */
  public static List<Skipped> skipped(Dataset ds, String id) {
    return Rows.select(ds, WebQuery.RUN_SKIPPED, Map.of("run", run(id))).stream()
        .map(r -> new Skipped(r.text("url"), r.text("key"), r.text("reason")))
        .toList();
  }
}
