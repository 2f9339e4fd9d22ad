package org.headwater.cli;

import org.headwater.provenance.Plural;
import java.io.PrintWriter;
import java.util.List;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;

/** Prints what a run read and made; the last line is the run directory. */
final class Summary {
  /** Runs with more inputs list the first {@value #HEAD} and the last few, not all of them. */
  static final int MAX_LISTED = 12;

  private static final int HEAD = 8;

  private Summary() {}

  static void print(PrintWriter out, RunResult result) {
    printBody(out, result);
    out.println(result.runDir());
    out.flush();
  }

  /** Everything but the closing run-directory line. */
  static void printBody(PrintWriter out, RunResult result) {
    RunRecord r = result.record();
    out.printf("run %s (%s, %s)%n", r.runId(), r.recipe().id(), r.software().runner());
    long bytes = r.inputs().stream().mapToLong(InputRecord::size).sum();
    long cached = r.inputs().stream().filter(InputRecord::fromCache).count();
    out.printf("read %s (%s%s):%n", Plural.count(r.inputs().size(), "source file"),
        Plural.count(bytes, "byte"),
        cached == 0 ? "" : ", " + cached + " from the cache");
    List<InputRecord> inputs = r.inputs();
    for (int k = 0; k < inputs.size(); k++) {
      if (inputs.size() > MAX_LISTED && k == HEAD) {
        out.printf("  ... %d more (every file with its SHA-256 is in run.json)%n", inputs.size() - MAX_LISTED);
        k = inputs.size() - (MAX_LISTED - HEAD) - 1;
        continue;
      }
      InputRecord i = inputs.get(k);
      out.printf("  %s  sha256:%s  %s%s%n", i.url(), i.sha256().substring(0, 12),
          Plural.count(i.size(), "byte"),
          i.fromCache() ? "  (cached)" : "");
    }
    for (SkippedInput s : r.skipped()) {
      out.printf("  skipped %s (%s)%n", s.url(), s.reason());
    }
    out.printf("wrote %s:%n", Plural.count(r.outputs().size(), "output"));
    for (OutputRecord o : r.outputs()) {
      out.printf("  %s  [%s]  sha256:%s  %s, %s%n", o.path(), o.format(),
          o.sha256().substring(0, 12), Plural.count(o.size(), "byte"),
          Plural.count(o.variables().size(), "variable"));
      if (o.location() != null) {
        out.printf("    uploaded to %s%n", o.location());
      }
    }
    out.flush();
  }
}
