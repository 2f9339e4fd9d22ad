package org.headwater.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.headwater.provenance.record.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns any error into one readable line on stderr and a non-zero exit code; credentials in URLs
 * are taken out of it (and of the stack trace {@code --verbose} prints).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    boolean verbose = parseResult.hasMatchedOption("--verbose")
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    if (verbose) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      cmd.getErr().print(Secrets.redact(trace.toString()));
    }
    cmd.getErr().println("headwater: error: " + Secrets.redact(message(ex)));
    return 1;
  }

  static String message(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    return m.replace('\n', ' ');
  }
}
