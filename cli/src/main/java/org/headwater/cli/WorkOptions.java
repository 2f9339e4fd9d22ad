package org.headwater.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --work} option shared by commands that run recipes. */
final class WorkOptions {
  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Work directory: runs go to DIR/runs, downloads to DIR/cache (default: ${DEFAULT-VALUE}).",
      defaultValue = "headwater-work")
  Path work;
}
