package org.headwater.cli;

import org.headwater.cli.lineage.LineageCommand;
import org.headwater.cli.lineage.QueryCommand;
import org.headwater.cli.lineage.ServeCommand;
import org.headwater.cli.lineage.StaleCommand;
import org.headwater.cli.lineage.ValidateProvCommand;
import org.headwater.cli.publish.CiteCommand;
import org.headwater.cli.publish.PublishCommand;
import org.headwater.cli.publish.SchemasCommand;
import org.headwater.pipeline.run.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code headwater} command. */
@Command(
    name = "headwater",
    mixinStandardHelpOptions = true,
    versionProvider = Headwater.VersionProvider.class,
    description = "Cleansed, derived datasets whose every byte traces back to its source.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      RunsCommand.class,
      DemoCommand.class,
      LineageCommand.class,
      QueryCommand.class,
      StaleCommand.class,
      ServeCommand.class,
      ValidateProvCommand.class,
      PublishCommand.class,
      CiteCommand.class,
      SchemasCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Headwater {
  @Option(names = "--verbose", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Headwater());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }

  /** Reports Headwater's and its libraries' versions. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var s = Versions.software("-");
      return new String[] {
        "headwater " + s.headwater(),
        "Java " + s.java() + ", Apache Beam " + s.beam() + ", NetCDF-Java " + s.netcdfJava()
      };
    }
  }
}
