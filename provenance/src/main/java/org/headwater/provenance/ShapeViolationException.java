package org.headwater.provenance;

import java.util.List;

/**
 * A provenance graph does not conform to Headwater's SHACL shapes or to the PROV-CONSTRAINTS
 * checks. {@link #shape()} and {@link #focusNode()} name the first violation; {@link #problems()}
 * lists them all.
 */
public class ShapeViolationException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  private final String shape;
  private final String focusNode;
  private final List<String> problems;

  /**
   * @param shape the violated shape IRI (or a {@code prov-constraints:} check name)
   * @param focusNode the node that violates it
   * @param problems every problem found, one line each
   */
  public ShapeViolationException(String shape, String focusNode, List<String> problems) {
    super(
        "provenance graph is invalid: "
            + problems.get(0)
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
            + "; fix the run record or the graph and validate again with 'headwater validate-prov'");
    this.shape = shape;
    this.focusNode = focusNode;
    this.problems = List.copyOf(problems);
  }

  /** IRI of the first violated shape, e.g. {@code https://w3id.org/headwater/shapes#OutputGeneration}. */
  public String shape() {
    return shape;
  }

  /** The first offending node (IRI or blank node label). */
  public String focusNode() {
    return focusNode;
  }

  /** Every problem found, one readable line each. */
  public List<String> problems() {
    return problems;
  }
}
