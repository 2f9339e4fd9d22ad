package org.headwater.pipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.OutputRecord;

/**
 * Compares two runs of the same plan: every output file by SHA-256, and the PROV graphs by
 * isomorphism, apart from what differs between any two runs (run ids, times, the runner, the run
 * directory). The {@code history} step writes the run id and its time into the outputs' global
 * attributes; both have the same length in every run, so they are blanked in place and every
 * other byte is compared.
 */
final class RunEquality {
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

  private RunEquality() {}

  /** What the comparison found. */
  record Report(int files, int identicalAsWritten, int triples) {}

  static Report assertEqual(RunResult a, RunResult b) throws IOException {
    Map<String, String> fa = hashes(a);
    Map<String, String> fb = hashes(b);
    assertThat(fa.keySet()).as("output files").containsExactlyElementsOf(fb.keySet()).isNotEmpty();
    int identical = 0;
    for (String f : fa.keySet()) {
      assertThat(fa.get(f)).as("SHA-256 of %s (run ids and times blanked)", f).isEqualTo(fb.get(f));
      if (Hashing.sha256Hex(Files.readAllBytes(a.runDir().resolve(f)))
          .equals(Hashing.sha256Hex(Files.readAllBytes(b.runDir().resolve(f))))) {
        identical++;
      }
    }
    Model ga = normalised(a, b);
    Model gb = normalised(b, b);
    assertThat(ga.isIsomorphicWith(gb))
        .as("PROV graphs differ beyond run ids and times:\nonly in %s: %s\nonly in %s: %s",
            a.record().runId(), ga.difference(gb), b.record().runId(), gb.difference(ga))
        .isTrue();
    return new Report(fa.size(), identical, (int) ga.size());
  }

  /** SHA-256 of every file under outputs/, with the run id and times blanked. */
  static Map<String, String> hashes(RunResult r) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(r.runDir().resolve("outputs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        String blank = blank(text, r.record().runId());
        out.put(r.runDir().relativize(f).toString(),
            Hashing.sha256Hex(blank.getBytes(StandardCharsets.ISO_8859_1)));
      }
    }
    return out;
  }

  private static String blank(String text, String runId) {
    return text.replace(runId, "#".repeat(runId.length()))
        .replaceAll(TIME, "T".repeat(20));
  }

  /**
   * {@code r}'s PROV graph with its run id, times, runner and directory replaced by placeholders,
   * and its outputs' SHA-256 by those of {@code reference}'s outputs of the same name (they
   * differ only by the run id and time in {@code history}, which {@link #hashes} showed).
   */
  static Model normalised(RunResult r, RunResult reference) {
    Model m = RDFDataMgr.loadModel(r.runDir().resolve("prov.ttl").toString());
    List<String[]> swaps = new ArrayList<>();
    swaps.add(new String[] {r.runDir().toUri().toString(), "urn:x-run-dir:"});
    swaps.add(new String[] {r.runDir().toString(), "DIR"});
    for (OutputRecord o : r.record().outputs()) {
      OutputRecord ref = reference.record().outputs().stream()
          .filter(x -> x.name().equals(o.name())).findFirst().orElseThrow();
      swaps.add(new String[] {o.sha256(), ref.sha256()});
    }
    swaps.add(new String[] {r.record().runId(), "RUN"});
    swaps.add(new String[] {"FlinkRunner", "RUNNER"});
    swaps.add(new String[] {"DirectRunner", "RUNNER"});
    Model out = ModelFactory.createDefaultModel();
    for (Statement s : m.listStatements().toList()) {
      out.add(node(out, s.getSubject(), swaps).asResource(), s.getPredicate(), node(out, s.getObject(), swaps));
    }
    return out;
  }

  private static RDFNode node(Model out, RDFNode n, List<String[]> swaps) {
    if (n.isURIResource()) {
      return out.createResource(swap(n.asResource().getURI(), swaps));
    }
    if (n.isLiteral()) {
      String dt = n.asLiteral().getDatatypeURI();
      if (dt != null && dt.endsWith("dateTime")) {
        return out.createLiteral("TIME");
      }
      String lex = swap(n.asLiteral().getLexicalForm(), swaps).replaceAll(TIME, "TIME");
      return dt == null ? out.createLiteral(lex) : out.createTypedLiteral(lex, n.asLiteral().getDatatype());
    }
    Resource blank = n.asResource();
    return blank;
  }

  private static String swap(String s, List<String[]> swaps) {
    for (String[] w : swaps) {
      s = s.replace(w[0], w[1]);
    }
    return s;
  }
}
