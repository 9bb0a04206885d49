package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a MiniCluster, from a bounded file source into a lake folder. */
class TurnstileAggregationPipelineTest {
  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .build());

  @TempDir Path work;

  private record Run(
      MessageSet messages, Path lake, List<DeadLetter> deadLetters, JobExecutionResult result) {}

  private Run run(MessageSet messages, int parallelism) throws Exception {
    Path input = work.resolve("messages.txt");
    Files.write(input, messages.lines);
    Path lake = work.resolve("lake");
    JobOptions options =
        JobOptions.parse(
            new String[] {
              "--lake",
              lake.toString(),
              "--checkpoint-dir",
              work.resolve("checkpoints").toString(),
              "--checkpoint-interval",
              "500ms",
              "--out-of-orderness",
              MessageSet.OUT_OF_ORDERNESS.toSeconds() + "s"
            },
            Map.of());
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            TurnstileAggregationJob.configuration(options));
    env.setParallelism(parallelism);
    new TurnstileAggregationJob(
            options,
            FileSource.forRecordStreamFormat(
                    new TextLineInputFormat(), new org.apache.flink.core.fs.Path(input.toUri()))
                .build(),
            LakeSinks.aggregates(options.lakeUri()),
            LakeSinks.lateMessages(options.lakeUri()),
            deadLetters)
        .build(env);
    JobExecutionResult result = env.execute("turnstile-aggregation-test");
    return new Run(messages, lake, deadLetters.values(), result);
  }

  private static long counter(JobExecutionResult result, String name) {
    return METRICS.findMetrics(result.getJobID(), name).values().stream()
        .mapToLong(m -> ((Counter) m).getCount())
        .sum();
  }

  @Test
  void knownMessagesGiveExactlyTheExpectedWindowsDeadLettersLateMessagesAndDuplicates()
      throws Exception {
    Run run = run(MessageSet.generate(3000, Duration.ofSeconds(2), 42), 1);
    MessageSet m = run.messages();

    Map<String, long[]> actual = StreamOutput.windowSums(run.lake());
    StreamOutput.assertExpectedWindows(m, actual);
    assertTrue(
        actual.keySet().stream().anyMatch(k -> k.contains(",2024-01-07,")),
        "the stream crosses midnight");

    assertEquals(m.malformed.size(), run.deadLetters().size());
    assertEquals(
        m.malformed.stream().sorted().toList(),
        run.deadLetters().stream().map(DeadLetter::message).sorted().toList());
    assertTrue(run.deadLetters().stream().noneMatch(d -> d.reason().isBlank()));

    assertEquals(m.late.stream().sorted().toList(), StreamOutput.lateLines(run.lake()));

    JobExecutionResult result = run.result();
    assertEquals(m.lines.size(), counter(result, JobMetrics.MESSAGES_IN));
    assertEquals(m.malformed.size(), counter(result, JobMetrics.DEAD_LETTERS));
    assertEquals(m.duplicates, counter(result, JobMetrics.DUPLICATES_DROPPED));
    assertEquals(m.late.size(), counter(result, JobMetrics.LATE_EVENTS));
    assertEquals(m.expectedWindows.size(), counter(result, JobMetrics.AGGREGATES_OUT));
    // the same counts as accumulators, summed over subtasks, in the job's result
    for (String name :
        List.of(
            JobMetrics.MESSAGES_IN,
            JobMetrics.DEAD_LETTERS,
            JobMetrics.DUPLICATES_DROPPED,
            JobMetrics.LATE_EVENTS,
            JobMetrics.AGGREGATES_OUT)) {
      assertEquals(counter(result, name), TurnstileAggregationJob.total(result, name), name);
    }
    String summary = TurnstileAggregationJob.summary(result, System.currentTimeMillis());
    assertTrue(
        summary.startsWith(
            "flink.summary messages-in="
                + m.lines.size()
                + " dead-letters="
                + m.malformed.size()
                + " duplicates-dropped="
                + m.duplicates
                + " late-events="
                + m.late.size()
                + " aggregates-out="
                + m.expectedWindows.size()
                + " seconds="),
        summary);
  }

  @Test
  void inParallelNoMessageIsLostOrCountedTwice() throws Exception {
    Run run = run(MessageSet.generate(2000, Duration.ofSeconds(3), 7), 2);
    MessageSet m = run.messages();
    StreamOutput.assertEveryMessageOnce(m, run.lake());
    assertEquals(m.duplicates, counter(run.result(), JobMetrics.DUPLICATES_DROPPED));
    assertEquals(m.malformed.size(), run.deadLetters().size());
  }
}
