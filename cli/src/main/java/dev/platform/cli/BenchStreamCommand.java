package dev.platform.cli;

import dev.platform.bench.StreamBenchmark;
import dev.platform.core.io.Folders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Produce N synthetic turnstile messages to a fresh topic, then read them with a plain Kafka"
          + " consumer that parses each one, and with the Flink aggregation job in its own JVM"
          + " (--local --bounded: first record to last committed file); print events/s of both"
          + " and ratio=job/plain.",
      "Starts its own Kafka broker in a temporary folder unless --bootstrap-servers is given."
          + " Needs the job built: ./mvnw -pl flink-jobs -am package -DskipTests.",
      "Target: ratio >= 0.5."
    })
final class BenchStreamCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", defaultValue = "2000000", description = "Default: ${DEFAULT-VALUE}.")
  long count;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of the fresh topic. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--parallelism",
      description =
          "The job's parallelism. Default: the job's own with --local, one subtask (parser,"
              + " de-duplicator and windows chained, no shuffle).")
  Integer parallelism;

  @Option(
      names = "--bootstrap-servers",
      description = "A running Kafka cluster (KAFKA_SASL_* apply); default: a broker of our own.")
  String bootstrapServers;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch folder (default: a new temporary folder, removed after).")
  Path work;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StreamBenchmark.Settings settings =
        new StreamBenchmark.Settings(
            count,
            partitions,
            Optional.ofNullable(bootstrapServers),
            Optional.ofNullable(parallelism));
    boolean temporary = work == null;
    Path folder = temporary ? Files.createTempDirectory("bench-stream-") : work;
    try {
      StreamBenchmark.Figures figures =
          new StreamBenchmark(folder)
              .run(
                  settings,
                  line -> {
                    out.println(line);
                    out.flush();
                  });
      out.println();
      out.printf(
          "produced %,d messages in %.2f s (%,.0f msg/s), %d partitions, %d cores%n",
          figures.produced().acknowledged(),
          figures.produced().elapsed().toNanos() / 1e9,
          figures.produced().messagesPerSecond(),
          partitions,
          Runtime.getRuntime().availableProcessors());
      out.printf(
          java.util.Locale.ROOT,
          "plain-consumer events=%d seconds=%.3f events-per-second=%.0f%n",
          figures.plain().records(),
          figures.plain().elapsed().toNanos() / 1e9,
          figures.plain().eventsPerSecond());
      out.printf(
          java.util.Locale.ROOT,
          "flink-job events=%d seconds=%.3f events-per-second=%.0f aggregates-out=%d"
              + " parallelism=%s%n",
          figures.job().messagesIn(),
          figures.job().seconds(),
          figures.job().eventsPerSecond(),
          figures.job().aggregatesOut(),
          parallelism != null ? parallelism.toString() : "1 (the job's local default)");
      out.printf(java.util.Locale.ROOT, "ratio=%.2f (target >= 0.5)%n", figures.ratio());
    } finally {
      if (temporary) {
        Folders.deleteRecursively(folder);
      }
    }
    return 0;
  }
}
