package org.headwater.cli;

import java.io.PrintWriter;
import org.headwater.pipeline.run.RunResult;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;

/** Prints what a run read and made; the last line is the run directory. */
final class Summary {
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
    out.printf("read %d source files:%n", r.inputs().size());
    for (InputRecord i : r.inputs()) {
      out.printf("  %s  sha256:%s  %d bytes%s%n", i.url(), i.sha256().substring(0, 12), i.size(),
          i.fromCache() ? "  (cached)" : "");
    }
    for (SkippedInput s : r.skipped()) {
      out.printf("  skipped %s (%s)%n", s.url(), s.reason());
    }
    out.printf("wrote %d outputs:%n", r.outputs().size());
    for (OutputRecord o : r.outputs()) {
      out.printf("  %s  [%s]  sha256:%s  %d bytes, %d variables%n", o.path(), o.format(),
          o.sha256().substring(0, 12), o.size(), o.variables().size());
    }
    out.flush();
  }
}
