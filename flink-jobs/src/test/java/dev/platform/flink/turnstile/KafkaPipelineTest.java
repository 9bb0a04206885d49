package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.broker.LocalKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as {@code main} wires it (KafkaSource, the lake's FileSinks, the dead-letter KafkaSink)
 * against a real broker in its own JVM, on a MiniCluster.
 */
class KafkaPipelineTest {
  @TempDir static Path brokerDir;
  static LocalKafkaBroker broker;
  static TestKafka kafka;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path work;

  @BeforeAll
  static void startBroker() {
    broker = LocalKafkaBroker.start(brokerDir.resolve("kafka"));
    kafka = new TestKafka(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private JobOptions options(String topic, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                topic,
                "--dlq-topic",
                topic + "-dlq",
                "--group-id",
                topic + "-job",
                "--lake",
                work.resolve("lake").toString(),
                "--checkpoint-dir",
                work.resolve("checkpoints").toString(),
                "--checkpoint-interval",
                "300ms"));
    args.addAll(List.of(more));
    return JobOptions.parse(args.toArray(String[]::new), Map.of());
  }

  private static StreamExecutionEnvironment environment(
      JobOptions options, int parallelism, Optional<String> restoreFrom) {
    Configuration conf = TurnstileAggregationJob.configuration(options);
    restoreFrom.ifPresent(path -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    TurnstileAggregationJob.fromOptions(options).build(env);
    return env;
  }

  private static String topic() {
    return "turnstile-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void fromARealBrokerKnownMessagesGiveExactlyTheExpectedOutput() throws Exception {
    String topic = topic();
    kafka.createTopic(topic, 1);
    kafka.createTopic(topic + "-dlq", 1);
    MessageSet m = MessageSet.generate(3000, Duration.ofSeconds(2), 11);
    kafka.produce(topic, m.lines);

    JobOptions options = options(topic, "--bounded");
    JobExecutionResult result = environment(options, 1, Optional.empty()).execute();

    Path lake = work.resolve("lake");
    StreamOutput.assertExpectedWindows(m, StreamOutput.windowSums(lake));
    assertEquals(m.late.stream().sorted().toList(), StreamOutput.lateLines(lake));
    List<ConsumerRecord<String, String>> deadLetters = kafka.readAll(topic + "-dlq");
    assertEquals(
        m.malformed.stream().sorted().toList(),
        deadLetters.stream().map(ConsumerRecord::value).sorted().toList());
    for (ConsumerRecord<String, String> record : deadLetters) {
      Header reason = record.headers().lastHeader(DeadLetterRecords.REASON_HEADER);
      assertFalse(new String(reason.value(), StandardCharsets.UTF_8).isBlank());
    }
    assertEquals(m.lines.size(), TurnstileAggregationJob.total(result, JobMetrics.MESSAGES_IN));
    assertEquals(
        m.duplicates, TurnstileAggregationJob.total(result, JobMetrics.DUPLICATES_DROPPED));
    assertEquals(m.late.size(), TurnstileAggregationJob.total(result, JobMetrics.LATE_EVENTS));
  }

  @Test
  void killedAfterACheckpointAndRestartedFromItTheTotalsAreTheSame() throws Exception {
    String topic = topic();
    int partitions = 2;
    kafka.createTopic(topic, partitions);
    kafka.createTopic(topic + "-dlq", 1);
    MessageSet m = MessageSet.generate(3000, Duration.ofSeconds(2), 23, false);
    int first = m.lines.size() * 6 / 10;
    int second = m.lines.size() * 8 / 10;
    JobOptions options = options(topic);
    String checkpoints = options.checkpointDir();

    // run 1: reads the first 60%, checkpoints, reads 20% more, and is killed
    kafka.produce(topic, m.lines.subList(0, first));
    JobClient run1 = environment(options, partitions, Optional.empty()).executeAsync();
    awaitMessagesIn(run1, first);
    Optional<String> before = Checkpoints.latest(checkpoints);
    await(
        "a checkpoint after the first part", () -> !Checkpoints.latest(checkpoints).equals(before));
    kafka.produce(topic, m.lines.subList(first, second));
    awaitMessagesIn(run1, second);
    run1.cancel().get();
    String restoreFrom = Checkpoints.latest(checkpoints).orElseThrow();
    Map<String, long[]> afterRun1 = StreamOutput.windowSums(work.resolve("lake"));
    assertFalse(afterRun1.isEmpty(), "run 1 committed windows");

    // run 2: from the checkpoint, with the rest and a message far ahead that closes every window
    kafka.produce(topic, m.lines.subList(second, m.lines.size()));
    String closer =
        TestMessages.message("99-99-99", MessageSet.START.plusDays(2), 0, 0, "closer").format();
    kafka.produceToEveryPartition(topic, partitions, closer);
    JobClient run2 = environment(options, partitions, Optional.of(restoreFrom)).executeAsync();
    try {
      await(
          "every expected window committed",
          () -> {
            Map<String, long[]> sums = StreamOutput.windowSums(work.resolve("lake"));
            return m.expectedWindows.entrySet().stream()
                .allMatch(
                    e ->
                        sums.containsKey(e.getKey())
                            && sums.get(e.getKey())[0] >= e.getValue()[0]
                            && sums.get(e.getKey())[1] >= e.getValue()[1]);
          });
      Thread.sleep(1000); // a few more checkpoints: anything counted twice would show up
    } finally {
      run2.cancel().get();
    }

    Map<String, long[]> sums = new HashMap<>(StreamOutput.windowSums(work.resolve("lake")));
    sums.keySet().removeIf(key -> key.contains("99-99-99"));
    StreamOutput.assertExpectedWindows(m, sums);
    assertEquals(
        m.malformed.stream().sorted().distinct().toList(),
        kafka.readAll(topic + "-dlq").stream()
            .map(ConsumerRecord::value)
            .sorted()
            .distinct()
            .toList(),
        "dead letters at least once");
    assertTrue(TurnstileMessage.parse(closer).isOk());
  }

  private static void awaitMessagesIn(JobClient job, long count) throws Exception {
    await(
        JobMetrics.MESSAGES_IN + " >= " + count,
        () -> {
          Object n = job.getAccumulators().get().get(JobMetrics.MESSAGES_IN);
          return n instanceof Long read && read >= count;
        });
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
