package org.headwater.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Turns any error into one readable line on stderr and a non-zero exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    boolean verbose = parseResult.hasMatchedOption("--verbose")
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    if (verbose) {
      ex.printStackTrace(cmd.getErr());
    }
    cmd.getErr().println("headwater: error: " + message(ex));
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
