package dev.platform.cli;

import dev.platform.cli.stack.KafkaComponent;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.StartResult;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.topics.KafkaTopics;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = {
      "The local Kafka broker: a real single-node KRaft broker in its own JVM, data in",
      "$PLATFORM_HOME/kafka, log in $PLATFORM_HOME/kafka/broker.log. `platform dev` starts it",
      "too. With KAFKA_BOOTSTRAP_SERVERS set, everything uses that cluster instead."
    },
    subcommands = {KafkaCommand.Start.class, KafkaCommand.Stop.class, KafkaCommand.Status.class})
final class KafkaCommand {

  /** Creates the stream and dead-letter topics if missing and says what it did. */
  static void ensureTopics(
      PrintWriter out, KafkaSettings settings, int partitions, int dlqPartitions) {
    KafkaTopics.Outcome outcome = KafkaTopics.ensure(settings, partitions, dlqPartitions);
    outcome.created().forEach(topic -> out.println("topic " + topic + ": created"));
    outcome.existing().forEach(topic -> out.println("topic " + topic + ": exists"));
    out.flush();
  }

  static DevStack stack(int port, int controllerPort) {
    return new DevStack(
        PlatformHome.get(),
        List.of(KafkaComponent.component(PlatformHome.get(), port, controllerPort)));
  }

  static DevStack lastStartedStack() {
    return new DevStack(
        PlatformHome.get(), List.of(KafkaComponent.lastStarted(PlatformHome.get())));
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start the broker (formats its storage on first start) and create the topics",
        "(KAFKA_TOPIC, default mta-turnstile; KAFKA_DLQ_TOPIC, default mta-turnstile-dlq).",
        "With KAFKA_BOOTSTRAP_SERVERS set, only creates the topics on that cluster."
      })
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", description = "client port (default: ${DEFAULT-VALUE})")
    int port = KafkaComponent.DEFAULT_PORT;

    @Option(
        names = "--controller-port",
        description = "KRaft controller port (default: ${DEFAULT-VALUE})")
    int controllerPort = KafkaComponent.DEFAULT_CONTROLLER_PORT;

    @Option(
        names = "--partitions",
        description = "partitions of a new stream topic (default: ${DEFAULT-VALUE})")
    int partitions = KafkaTopics.DEFAULT_PARTITIONS;

    @Option(
        names = "--dlq-partitions",
        description = "partitions of a new dead-letter topic (default: ${DEFAULT-VALUE})")
    int dlqPartitions = KafkaTopics.DEFAULT_DLQ_PARTITIONS;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      KafkaSettings settings = KafkaSettings.fromEnvironment();
      if (settings.bootstrapConfigured()) {
        out.println(
            "KAFKA_BOOTSTRAP_SERVERS is set: not starting a broker; topics on "
                + settings.describe());
        ensureTopics(out, settings, partitions, dlqPartitions);
        return 0;
      }
      DevStack stack = stack(port, controllerPort);
      KafkaComponent.requireFreePorts(stack, port, controllerPort);
      StartResult result = stack.start(out::println);
      ensureTopics(
          out, settings.withBootstrapServers("localhost:" + port), partitions, dlqPartitions);
      StackTable.print(out, result.statuses());
      out.println("stop it with `./platform kafka stop`");
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the broker (SIGTERM, a clean shutdown; SIGKILL after 15 s). Data stays.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      lastStartedStack().stop().forEach(result -> out.println(StackTable.describe(result)));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show whether the broker runs: state, pid, address, log file.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      StackTable.print(spec.commandLine().getOut(), lastStartedStack().status());
      return 0;
    }
  }
}
