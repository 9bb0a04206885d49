package dev.platform.bench;

import dev.platform.devstack.Component;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.kafka.broker.LocalKafkaBroker;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.consume.PlainConsumerBenchmark;
import dev.platform.kafka.produce.KnownTurnstiles;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.ProduceResult;
import dev.platform.kafka.produce.SyntheticMessages;
import dev.platform.kafka.produce.TurnstileProducer;
import dev.platform.kafka.topics.KafkaTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code bench stream}: produces N synthetic messages to a fresh topic (on its own broker unless
 * one is named), then reads them (a) with a plain Kafka consumer that parses every message and (b)
 * with the turnstile aggregation job in its own JVM ({@code --local --bounded}) from the first
 * record to the last committed file, as the job's {@code flink.summary} line reports.
 */
public final class StreamBenchmark {
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

  /**
   * What to run.
   *
   * @param count messages to produce
   * @param partitions partitions of the fresh topic
   * @param bootstrapServers a running cluster; empty: start a broker of our own
   * @param parallelism the job's parallelism; empty: the job's own local default (1)
   */
  public record Settings(
      long count,
      int partitions,
      Optional<String> bootstrapServers,
      Optional<Integer> parallelism) {
    public Settings {
      if (count < 1) {
        throw new IllegalArgumentException("--count must be at least 1, was " + count);
      }
      if (partitions < 1) {
        throw new IllegalArgumentException("--partitions must be at least 1, was " + partitions);
      }
    }
  }

  /** The measured figures; {@link #ratio()} is job / plain consumer events per second. */
  public record Figures(
      ProduceResult produced, PlainConsumerBenchmark.Result plain, FlinkSummary job) {
    public double ratio() {
      double plainRate = plain.eventsPerSecond();
      return plainRate > 0 ? job.eventsPerSecond() / plainRate : 0;
    }
  }

  /** The job's {@code flink.summary} line. */
  public record FlinkSummary(
      long messagesIn,
      long deadLetters,
      long duplicatesDropped,
      long lateEvents,
      long aggregatesOut,
      double seconds,
      double eventsPerSecond) {
    static final String PREFIX = "flink.summary ";

    /** Parses {@code flink.summary key=value ...}. */
    public static FlinkSummary parse(String line) {
      if (!line.startsWith(PREFIX)) {
        throw new IllegalArgumentException("not a flink.summary line: " + line);
      }
      Map<String, String> values = new java.util.HashMap<>();
      for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2) {
          values.put(kv[0], kv[1]);
        }
      }
      return new FlinkSummary(
          Long.parseLong(value(values, "messages-in", line)),
          Long.parseLong(value(values, "dead-letters", line)),
          Long.parseLong(value(values, "duplicates-dropped", line)),
          Long.parseLong(value(values, "late-events", line)),
          Long.parseLong(value(values, "aggregates-out", line)),
          Double.parseDouble(value(values, "seconds", line)),
          Double.parseDouble(value(values, "events-per-second", line)));
    }

    private static String value(Map<String, String> values, String key, String line) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("no " + key + "= in " + line);
      }
      return value;
    }
  }

  private final Path work;

  /**
   * @param work scratch folder: the broker's data, the job's lake, checkpoints and log
   */
  public StreamBenchmark(Path work) {
    this.work = work;
  }

  public Figures run(Settings settings, Consumer<String> progress)
      throws IOException, InterruptedException {
    if (settings.bootstrapServers().isPresent()) {
      KafkaSettings cluster =
          KafkaSettings.fromEnvironment().withBootstrapServers(settings.bootstrapServers().get());
      return measure(cluster, settings, progress);
    }
    progress.accept("starting a Kafka broker in " + work.resolve("kafka"));
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"))) {
      return measure(KafkaSettings.local(broker.bootstrapServers()), settings, progress);
    }
  }

  private Figures measure(KafkaSettings cluster, Settings settings, Consumer<String> progress)
      throws IOException, InterruptedException {
    String topic = "bench-stream-" + UUID.randomUUID().toString().substring(0, 8);
    KafkaSettings kafka = cluster.withTopics(topic, topic + "-dlq");
    String servers = kafka.bootstrapServers();
    KafkaTopics.ensure(kafka, settings.partitions(), 1);
    progress.accept(
        String.format(
            "producing %,d synthetic messages to %s (%d partitions) on %s",
            settings.count(), topic, settings.partitions(), servers));
    ProduceResult produced;
    try (TurnstileProducer producer = new TurnstileProducer(kafka)) {
      produced =
          producer.produce(
              new SyntheticMessages(KnownTurnstiles.SAMPLE),
              ProduceLimits.count(settings.count()),
              progress);
    }
    if (produced.failed() > 0 || produced.acknowledged() != settings.count()) {
      throw new IllegalStateException(
          "producing failed: "
              + produced.acknowledged()
              + " of "
              + settings.count()
              + " acknowledged"
              + produced.firstError().map(e -> "; " + e).orElse(""));
    }
    progress.accept("reading them with a plain consumer");
    PlainConsumerBenchmark.Result plain = PlainConsumerBenchmark.run(kafka, topic, READ_TIMEOUT);
    progress.accept(plain.describe());
    progress.accept(
        "reading them with the Flink job (--local --bounded, parallelism "
            + settings.parallelism().map(String::valueOf).orElse("1, the job's local default")
            + "), timed from its first record read to its last committed file");
    FlinkSummary job = runJob(servers, topic, settings);
    if (job.messagesIn() != plain.records()) {
      throw new IllegalStateException(
          "the job read " + job.messagesIn() + " messages, the plain consumer " + plain.records());
    }
    return new Figures(produced, plain, job);
  }

  private FlinkSummary runJob(String servers, String topic, Settings settings)
      throws IOException, InterruptedException {
    Path jobFolder = Files.createDirectories(work.resolve("job"));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--bounded",
                "--bootstrap-servers",
                servers,
                "--topic",
                topic,
                "--dlq-topic",
                topic + "-dlq",
                "--group-id",
                topic + "-job",
                "--lake",
                jobFolder.resolve("lake").toString(),
                "--checkpoint-dir",
                jobFolder.resolve("checkpoints").toString()));
    settings
        .parallelism()
        .ifPresent(p -> args.addAll(List.of("--parallelism", Integer.toString(p))));
    Component job = FlinkJobComponent.component(jobFolder, 0, args, Map.of());
    Path log = jobFolder.resolve("job.log");
    ProcessBuilder builder =
        new ProcessBuilder(job.foregroundCommand())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(job.env());
    Process process = builder.start();
    try {
      if (!process.waitFor(READ_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            "the job did not finish in " + READ_TIMEOUT.toMinutes() + " min; log " + log);
      }
    } finally {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return lines.stream()
        .filter(line -> line.startsWith(FlinkSummary.PREFIX))
        .reduce((first, second) -> second)
        .map(FlinkSummary::parse)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the job exited with code "
                        + process.exitValue()
                        + " without a flink.summary line; log "
                        + log
                        + ":"
                        + System.lineSeparator()
                        + String.join(
                            System.lineSeparator(),
                            lines.subList(Math.max(0, lines.size() - 20), lines.size()))));
  }
}
