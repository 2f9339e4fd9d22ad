package org.headwater.provenance.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.headwater.ontologies.HeadwaterShapes;
import org.headwater.provenance.ShapeViolationException;

/**
 * Checks a provenance graph: Headwater's SHACL shapes ({@code shapes.ttl}) plus the
 * PROV-CONSTRAINTS sanity checks in {@link ProvConstraints} (no derivation cycles, generation
 * before usage). Used before every graph is saved and by {@code headwater validate-prov}.
 */
public final class ProvenanceValidator {
  private ProvenanceValidator() {}

  /**
   * One problem found.
   *
   * @param check the violated shape IRI, or {@code prov-constraints:<name>}
   * @param focusNode the offending node
   * @param message what is wrong
   */
  public record Problem(String check, String focusNode, String message) {
    @Override
    public String toString() {
      return shortName(check) + " at " + focusNode + ": " + message;
    }
  }

  /** Every problem in {@code graph}; empty when it conforms. */
  public static List<Problem> validate(Graph graph) {
    List<Problem> problems = new ArrayList<>();
    ValidationReport report = ShaclValidator.get().validate(HeadwaterShapes.shapes(), graph);
    for (ReportEntry e : report.getEntries()) {
      String shape = e.source() == null ? "shape" : e.source().toString();
      String message = e.message() == null ? "violates " + shape : e.message();
      problems.add(new Problem(shape, e.focusNode().toString(), message));
    }
    problems.addAll(ProvConstraints.check(graph));
    return problems;
  }

  /**
   * {@code headwater validate-prov FILE}: parses any RDF file (syntax from its extension, Turtle by
   * default) and validates it.
   *
   * @throws org.headwater.provenance.ProvenanceException when the file cannot be read or parsed
   */
  public static List<Problem> validateFile(java.nio.file.Path file) {
    Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.filenameToLang(
        file.toString(), org.apache.jena.riot.Lang.TURTLE);
    try {
      org.apache.jena.riot.RDFParser.source(file).lang(lang).parse(g);
    } catch (org.apache.jena.riot.RiotException | org.apache.jena.atlas.RuntimeIOException e) {
      throw new org.headwater.provenance.ProvenanceException(
          "cannot parse " + file + " as " + lang.getLabel() + ": " + e.getMessage(), e);
    }
    return validate(g);
  }

  /** Validates and throws on the first problem. */
  public static void check(Model model) {
    List<Problem> problems = validate(model.getGraph());
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      throw new ShapeViolationException(
          first.check(), first.focusNode(), problems.stream().map(Problem::toString).toList());
    }
  }

  static String shortName(String iri) {
    return iri.startsWith(HeadwaterShapes.NS)
        ? "hwsh:" + iri.substring(HeadwaterShapes.NS.length())
        : iri;
  }
}
