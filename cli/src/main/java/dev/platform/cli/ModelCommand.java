package dev.platform.cli;

import dev.platform.heart.ApiNotifier;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelRegistry;
import dev.platform.ml.registry.ModelChange;
import dev.platform.ml.registry.RegistryReader;
import dev.platform.worker.PlatformWorker;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "The heart model registry in the lake (PLATFORM_LAKE, default $PLATFORM_HOME/lake):"
          + " promoted bundles under heart/models/<version>/, CURRENT, and HISTORY (every change"
          + " of CURRENT).",
      "promote and rollback tell the API at PLATFORM_API_URL to reload, when one is configured."
    },
    subcommands = {
      ModelCommand.ListModels.class,
      ModelCommand.Promote.class,
      ModelCommand.Rollback.class
    })
final class ModelCommand {
  private ModelCommand() {}

  static HeartLake lake() {
    return PlatformWorker.heartLake(PlatformHome.get());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Every stored version: created, data hash, serving model, validation and test F1 / ROC AUC"
            + " (at the tuned threshold), the CURRENT one marked with *; then the changes of"
            + " CURRENT."
      })
  static final class ListModels implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      HeartLake lake = lake();
      RegistryReader.Listing registry = lake.registry().listing();
      String current = registry.current();
      TextTable table =
          new TextTable(
              "",
              "version",
              "created",
              "data",
              "model",
              "val F1",
              "val AUC",
              "test F1",
              "test AUC");
      for (RegistryReader.Version version : registry.versions()) {
        table.row(
            version.current() ? "*" : "",
            version.version(),
            version.createdAt(),
            version.dataSha256().substring(0, 12),
            version.servingModel(),
            f4(version.validation().f1()),
            f4(version.validation().rocAuc()),
            f4(version.test().f1()),
            f4(version.test().rocAuc()));
      }
      if (table.isEmpty()) {
        out.println("no model promoted yet in " + lake.lake().uri() + "; run `platform train`");
        return 0;
      }
      table.print(out);
      out.println("CURRENT: " + (current.isEmpty() ? "none" : current));
      var history = registry.changes();
      if (!history.isEmpty()) {
        out.println();
        TextTable changes = new TextTable("changed", "to", "from", "by", "reason");
        for (ModelChange change : history) {
          changes.row(
              change.changedAt(),
              change.version(),
              change.previous().isEmpty() ? "-" : change.previous(),
              change.action(),
              change.reason());
        }
        changes.print(out);
      }
      return 0;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description =
          "Make a stored version CURRENT (no quality check: your call), then reload the API.")
  static final class Promote implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "VERSION", description = "A version of `platform model list`.")
    String version;

    @Override
    public Integer call() throws Exception {
      ModelChange change = new HeartModelRegistry(lake()).promote(version);
      return report(spec.commandLine().getOut(), change);
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Make the previous CURRENT current again (from HISTORY), then reload the API.")
  static final class Rollback implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ModelChange change = new HeartModelRegistry(lake()).rollback();
      return report(spec.commandLine().getOut(), change);
    }
  }

  private static int report(PrintWriter out, ModelChange change) throws Exception {
    out.printf(
        "CURRENT: %s (was %s)%n",
        change.version(), change.previous().isEmpty() ? "none" : change.previous());
    out.println(ApiNotifier.fromEnvironment().reload(change.version()));
    return 0;
  }

  private static String f4(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
