package dev.platform.cli;

import java.util.logging.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code platform} command line. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    versionProvider = PlatformCommand.Version.class,
    description = "Heart-disease risk and MTA turnstile data platform.",
    subcommands = {
      ProfileCommand.class,
      TrainCommand.class,
      ModelCommand.class,
      IngestCommand.class,
      ScoreCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      DevCommand.class,
      KafkaCommand.class,
      StreamCommand.class,
      WorkerCommand.class,
      RunsCommand.class,
      HistoryCommand.class,
      SchedulesCommand.class,
      WarehouseCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PlatformCommand {

  public static void main(String[] args) {
    // Tribuo logs every bagging round through java.util.logging; keep the console for progress.
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PlatformCommand());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine;
  }

  /** Reports the jar's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PlatformCommand.class.getPackage().getImplementationVersion();
      return new String[] {"platform " + (version == null ? "dev" : version)};
    }
  }
}
