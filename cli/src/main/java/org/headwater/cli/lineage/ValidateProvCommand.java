package org.headwater.cli.lineage;

import org.headwater.provenance.Plural;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.headwater.provenance.graph.ProvenanceValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code headwater validate-prov FILE}: SHACL shapes plus PROV-CONSTRAINTS sanity checks. */
@Command(
    name = "validate-prov",
    mixinStandardHelpOptions = true,
    description = "Check a PROV file (Turtle, or any RDF syntax by extension) with Headwater's SHACL"
        + " shapes and the PROV-CONSTRAINTS checks (no derivation cycles, generation before usage).")
public final class ValidateProvCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Override
  public Integer call() {
    List<ProvenanceValidator.Problem> problems = ProvenanceValidator.validateFile(file);
    if (problems.isEmpty()) {
      System.out.println(file + ": valid");
      return 0;
    }
    problems.forEach(p -> System.out.println(file + ": " + p));
    System.out.println(Plural.count(problems.size(), "problem"));
    return 1;
  }
}
