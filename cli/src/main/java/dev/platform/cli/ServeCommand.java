package dev.platform.cli;

import dev.platform.cli.stack.ApiComponent;
import dev.platform.devstack.Component;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the risk API alone, in the foreground, in its own JVM.",
      "The admin key for POST /admin/model/reload is PLATFORM_API_KEY, else the one kept in"
          + " $PLATFORM_HOME/run/api.key."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      description =
          "Bundle folder, or a training output folder (default: the lake's current model).")
  Path model;

  @Option(names = "--port", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws Exception {
    Path home = PlatformHome.get();
    Component api =
        ApiComponent.component(home, port, Optional.ofNullable(model), ApiComponent.apiKey(home));
    ProcessBuilder builder = new ProcessBuilder(api.foregroundCommand()).inheritIO();
    builder.environment().putAll(api.env());
    spec.commandLine().getOut().printf("serving on %s (Ctrl-C stops)%n", api.where());
    spec.commandLine().getOut().flush();
    Process server = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
    return server.waitFor();
  }
}
