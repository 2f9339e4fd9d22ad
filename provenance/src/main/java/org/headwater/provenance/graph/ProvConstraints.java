package org.headwater.provenance.graph;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.headwater.ontologies.PROV;
import org.headwater.provenance.graph.ProvenanceValidator.Problem;

/**
 * The PROV-CONSTRAINTS sanity checks SHACL cannot express: derivations form no cycle, and an
 * entity is generated no later than it is used. Both walk iteratively, so chains of any length
 * are fine.
 */
final class ProvConstraints {
  static final String NO_CYCLES = "prov-constraints:derivation-acyclic";
  static final String GENERATION_BEFORE_USAGE = "prov-constraints:generation-precedes-usage";

  private ProvConstraints() {}

  static List<Problem> check(Graph g) {
    List<Problem> problems = new ArrayList<>();
    Node cyclic = findCycle(g);
    if (cyclic != null) {
      problems.add(
          new Problem(NO_CYCLES, cyclic.toString(), "prov:wasDerivedFrom forms a cycle through it"));
    }
    problems.addAll(generationBeforeUsage(g));
    return problems;
  }

  /** A node on a prov:wasDerivedFrom cycle, or null. Iterative three-colour depth-first search. */
  static Node findCycle(Graph g) {
    Map<Node, List<Node>> edges = new HashMap<>();
    g.find(Node.ANY, PROV.wasDerivedFrom.asNode(), Node.ANY)
        .forEachRemaining(t -> edges.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t.getObject()));
    Map<Node, Integer> colour = new HashMap<>(); // absent = white, 1 = on stack, 2 = done
    for (Node start : edges.keySet()) {
      if (colour.containsKey(start)) {
        continue;
      }
      Deque<Object[]> stack = new ArrayDeque<>(); // {node, next child index}
      stack.push(new Object[] {start, 0});
      colour.put(start, 1);
      while (!stack.isEmpty()) {
        Object[] top = stack.peek();
        Node node = (Node) top[0];
        List<Node> next = edges.getOrDefault(node, List.of());
        int i = (Integer) top[1];
        if (i == next.size()) {
          colour.put(node, 2);
          stack.pop();
          continue;
        }
        top[1] = i + 1;
        Node child = next.get(i);
        Integer c = colour.get(child);
        if (c == null) {
          colour.put(child, 1);
          stack.push(new Object[] {child, 0});
        } else if (c == 1) {
          return child;
        }
      }
    }
    return null;
  }

  private static List<Problem> generationBeforeUsage(Graph g) {
    Map<Node, OffsetDateTime> generated = new HashMap<>();
    g.find(Node.ANY, PROV.generatedAtTime.asNode(), Node.ANY)
        .forEachRemaining(t -> putEarliest(generated, t.getSubject(), time(t.getObject())));
    g.find(Node.ANY, PROV.qualifiedGeneration.asNode(), Node.ANY)
        .forEachRemaining(t -> putEarliest(generated, t.getSubject(), atTime(g, t.getObject())));
    List<Problem> problems = new ArrayList<>();
    for (Triple t : g.find(Node.ANY, PROV.qualifiedUsage.asNode(), Node.ANY).toList()) {
      OffsetDateTime used = atTime(g, t.getObject());
      for (Triple e : g.find(t.getObject(), PROV.entity.asNode(), Node.ANY).toList()) {
        OffsetDateTime gen = generated.get(e.getObject());
        if (used != null && gen != null && gen.isAfter(used)) {
          problems.add(
              new Problem(
                  GENERATION_BEFORE_USAGE,
                  e.getObject().toString(),
                  "used at " + used + " by " + t.getSubject() + " but generated later, at " + gen));
        }
      }
    }
    return problems;
  }

  private static void putEarliest(Map<Node, OffsetDateTime> map, Node n, OffsetDateTime t) {
    if (t != null) {
      map.merge(n, t, (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  private static OffsetDateTime atTime(Graph g, Node qualified) {
    var it = g.find(qualified, PROV.atTime.asNode(), Node.ANY);
    return it.hasNext() ? time(it.next().getObject()) : null;
  }

  private static OffsetDateTime time(Node literal) {
    try {
      return literal.isLiteral() ? OffsetDateTime.parse(literal.getLiteralLexicalForm()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null; // SHACL reports malformed times
    }
  }
}
