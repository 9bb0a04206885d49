package dev.platform.cli;

import dev.platform.cli.stack.DevComponents;
import dev.platform.cli.stack.KafkaComponent;
import dev.platform.devstack.Component;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.devstack.StartResult;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.topics.KafkaTopics;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import dev.platform.turnstile.stream.StreamWorkflowStarter;
import dev.platform.turnstile.stream.TurnstileStreamWorkflow;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack as background processes: Temporal's test server on port 7233",
      "(skipped when TEMPORAL_ADDRESS is set), a Kafka broker on port 9092 with the turnstile",
      "topics (skipped when KAFKA_BOOTSTRAP_SERVERS is set; data in $PLATFORM_HOME/kafka), the",
      "risk API when its jar is built, and the worker. Logs go to $PLATFORM_HOME/logs, pids to",
      "$PLATFORM_HOME/run. The test server keeps workflow history in memory only."
    },
    subcommands = {DevCommand.Stop.class, DevCommand.Status.class})
final class DevCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StartResult result = start(out);
    out.println(
        result.alreadyRunning() ? "the dev stack is already running:" : "the dev stack runs:");
    StackTable.print(out, managedStack().status());
    out.println("stop it with `./platform dev stop`");
    out.flush();
    return 0;
  }

  /**
   * Starts what does not run yet: the processes in order, the Kafka topics, then the
   * TurnstileStream workflow, which starts the aggregation job.
   */
  static StartResult start(PrintWriter out) {
    TemporalSettings settings = TemporalSettings.fromEnvironment();
    DevStack stack =
        new DevStack(PlatformHome.get(), DevComponents.standard(PlatformHome.get(), settings));
    if (settings.addressConfigured()) {
      out.println(
          "TEMPORAL_ADDRESS is set: using the Temporal server at "
              + settings.address()
              + ", not starting one");
    }
    KafkaSettings kafka = KafkaSettings.fromEnvironment();
    if (kafka.bootstrapConfigured()) {
      out.println(
          "KAFKA_BOOTSTRAP_SERVERS is set: using the Kafka cluster at "
              + kafka.describe()
              + ", not starting a broker");
    }
    if (!kafka.bootstrapConfigured()) {
      KafkaComponent.requireFreePorts(
          stack, KafkaComponent.DEFAULT_PORT, KafkaComponent.DEFAULT_CONTROLLER_PORT);
    }
    StartResult result = stack.start(line -> out.println(line));
    if (stack.components().stream().map(Component::name).anyMatch(KafkaComponent.NAME::equals)) {
      KafkaCommand.ensureTopics(
          out,
          kafka.withBootstrapServers(KafkaComponent.bootstrapServers(PlatformHome.get())),
          KafkaTopics.DEFAULT_PARTITIONS,
          KafkaTopics.DEFAULT_DLQ_PARTITIONS);
    }
    startStreamJob(out, settings);
    out.flush();
    return result;
  }

  private static void startStreamJob(PrintWriter out, TemporalSettings settings) {
    if (FlinkJobComponent.buildFolder().isEmpty()) {
      out.println("flink-job: not built (./mvnw -pl flink-jobs -am package); no stream job");
      return;
    }
    try (TemporalConnection connection = TemporalConnection.open(settings)) {
      boolean started = StreamWorkflowStarter.ensureRunning(connection.client());
      out.println(
          "flink-job: "
              + (started ? "starting" : "already watched")
              + " through the TurnstileStream workflow (`platform history "
              + TurnstileStreamWorkflow.WORKFLOW_ID
              + "`)");
      out.flush();
      out.println(
          "flink-job: "
              + StreamWorkflowStarter.awaitJob(connection.client(), Duration.ofSeconds(120))
                  .orElse("not running yet; see `platform dev status` and its log"));
    }
  }

  /** Stops the whole local stack, the stream workflow first. */
  static void stopAll(PrintWriter out) {
    stopStreamWorkflow();
    managedStack().stop().forEach(result -> out.println(StackTable.describe(result)));
    out.flush();
  }

  /** The stream workflow would restart the job it watches: end it first, if a server answers. */
  private static void stopStreamWorkflow() {
    TemporalSettings settings = TemporalSettings.fromEnvironment();
    try (TemporalConnection connection = TemporalConnection.open(settings)) {
      StreamWorkflowStarter.cancel(connection.client());
    } catch (RuntimeException e) {
      // no server: no workflow to end
    }
  }

  static DevStack managedStack() {
    TemporalSettings settings = TemporalSettings.fromEnvironment();
    return new DevStack(PlatformHome.get(), DevComponents.managed(PlatformHome.get(), settings));
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the local stack (SIGTERM, then SIGKILL after 15 s), newest first.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      stopAll(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show each component of the local stack: state, pid, address, log file.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      StackTable.print(spec.commandLine().getOut(), managedStack().status());
      return 0;
    }
  }
}
