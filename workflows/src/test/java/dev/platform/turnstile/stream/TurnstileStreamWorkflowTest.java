package dev.platform.turnstile.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.devstack.Ports;
import dev.platform.devstack.StackHome;
import dev.platform.kafka.broker.LocalKafkaBroker;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.TurnstileProducer;
import dev.platform.kafka.topics.KafkaTopics;
import dev.platform.temporal.TaskQueues;
import dev.platform.worker.PlatformWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TurnstileStream workflow with real activities: the real job process on a local MiniCluster
 * reading a real broker. Its process is killed after a checkpoint; the workflow restarts it from
 * that checkpoint, and every window is in the lake exactly once with the right sums.
 */
class TurnstileStreamWorkflowTest {
  private static final LocalDate DAY = LocalDate.of(2024, 1, 6);
  private static final int TURNSTILES = 5;

  @TempDir Path dir;
  private LocalKafkaBroker broker;
  private TestWorkflowEnvironment temporal;
  private Path home;
  private Path lake;
  private String previousRoot;

  @BeforeEach
  void start() {
    previousRoot = System.getProperty("platform.root");
    System.setProperty("platform.root", System.getProperty("platform.repo.root", ".."));
    broker = LocalKafkaBroker.start(dir.resolve("kafka"));
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers());
    KafkaTopics.ensure(kafka, 1, 1);
    home = dir.resolve("home");
    lake = dir.resolve("lake");
    StreamJobSettings settings =
        new StreamJobSettings(
            Optional.empty(),
            dir.resolve("unused.jar"),
            Ports.findFree(),
            lake.toString(),
            dir.resolve("checkpoints").toString(),
            kafka,
            List.of(
                "--checkpoint-interval", "1s",
                "--out-of-orderness", "0s",
                "--idleness", "2s",
                "--parallelism", "1"),
            Duration.ofSeconds(3));
    temporal = TestWorkflowEnvironment.newInstance();
    Worker worker = temporal.newWorker(TaskQueues.TURNSTILE);
    PlatformWorker.registerStream(worker, home, settings);
    temporal.start();
  }

  @AfterEach
  void stop() {
    try {
      StreamWorkflowStarter.cancel(temporal.getWorkflowClient());
      temporal.close();
      new DevStack(home, List.of(FlinkJobComponent.managed(home))).stop();
      broker.close();
    } finally {
      if (previousRoot == null) {
        System.clearProperty("platform.root");
      } else {
        System.setProperty("platform.root", previousRoot);
      }
    }
  }

  @Test
  void aKilledJobIsRestartedFromItsCheckpointAndNoWindowIsLostOrCountedTwice() throws Exception {
    WorkflowClient client = temporal.getWorkflowClient();
    assertTrue(StreamWorkflowStarter.ensureRunning(client));
    assertTrue(!StreamWorkflowStarter.ensureRunning(client), "a second start joins the first");
    String first = StreamWorkflowStarter.awaitJob(client, Duration.ofSeconds(120)).orElseThrow();

    Map<LocalDateTime, long[]> expected = new TreeMap<>();
    // minutes 0-4 fill the 08:00 window; an event at 08:05 closes it
    produce(messages(LocalTime.of(8, 0), 5, expected));
    produce(messages(LocalTime.of(8, 5), 1, expected));
    awaitUntil(() -> windows().containsKey(at(8, 0)), "the 08:00 window in the lake");

    long pid = new StackHome(home).readPid(FlinkJobComponent.NAME).orElseThrow();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    TurnstileStreamWorkflow workflow =
        client.newWorkflowStub(TurnstileStreamWorkflow.class, TurnstileStreamWorkflow.WORKFLOW_ID);
    awaitUntil(
        () -> workflow.status().contains("restored from") && workflow.status().contains("started"),
        "the job restarted from a checkpoint");
    String second = workflow.status();
    assertNotEquals(first, second);
    assertTrue(second.contains("chk-"), second);

    // minutes 6-9 join the 08:05 window; events at 08:10 and 08:15 close the 08:05 and 08:10 ones
    produce(messages(LocalTime.of(8, 6), 4, expected));
    produce(messages(LocalTime.of(8, 10), 1, expected));
    produce(messages(LocalTime.of(8, 15), 1, expected));
    awaitUntil(() -> windows().containsKey(at(8, 10)), "the 08:10 window in the lake");

    Map<LocalDateTime, long[]> written = windows();
    for (LocalDateTime window : List.of(at(8, 0), at(8, 5), at(8, 10))) {
      assertEquals(expected.get(window)[0], written.get(window)[0], "entries of " + window);
      assertEquals(expected.get(window)[1], written.get(window)[1], "exits of " + window);
      assertEquals(TURNSTILES, written.get(window)[2], "one row per turnstile in " + window);
    }
  }

  private static LocalDateTime at(int hour, int minute) {
    return LocalDateTime.of(DAY, LocalTime.of(hour, minute));
  }

  /** One message per turnstile per minute from {@code from}, summed into {@code expected}. */
  private static List<TurnstileMessage> messages(
      LocalTime from, int minutes, Map<LocalDateTime, long[]> expected) {
    List<TurnstileMessage> messages = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      LocalDateTime time = LocalDateTime.of(DAY, from.plusMinutes(minute));
      LocalDateTime window = time.withMinute(time.getMinute() / 5 * 5);
      for (int t = 0; t < TURNSTILES; t++) {
        long entries = 3 + t + minute;
        long exits = 1 + t;
        messages.add(
            new TurnstileMessage(
                "A00" + t,
                "R051",
                "02-00-0" + t,
                "59 ST",
                "NQR456W",
                "BMT",
                DAY,
                time.toLocalTime(),
                "REGULAR",
                entries,
                exits,
                UUID.randomUUID().toString(),
                time));
        long[] sums = expected.computeIfAbsent(window, w -> new long[2]);
        sums[0] += entries;
        sums[1] += exits;
      }
    }
    return messages;
  }

  private void produce(List<TurnstileMessage> messages) {
    try (TurnstileProducer producer =
        new TurnstileProducer(KafkaSettings.local(broker.bootstrapServers()))) {
      producer.produce(messages.iterator(), ProduceLimits.count(messages.size()), line -> {});
    }
  }

  /** Window start -> {entries, exits, rows} over every committed stream file. */
  private Map<LocalDateTime, long[]> windows() {
    Map<LocalDateTime, long[]> sums = new TreeMap<>();
    Path stream = lake.resolve("turnstile/stream");
    if (!Files.isDirectory(stream)) {
      return sums;
    }
    try (Stream<Path> files = Files.walk(stream)) {
      for (Path file :
          files
              .filter(path -> path.getFileName().toString().endsWith(".csv.gz"))
              .filter(path -> !path.getFileName().toString().startsWith("."))
              .toList()) {
        try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.equals(StreamAggregate.HEADER)) {
              continue;
            }
            StreamAggregate row = StreamAggregate.parse(line).get();
            long[] sum = sums.computeIfAbsent(row.windowStart(), w -> new long[3]);
            sum[0] += row.entries();
            sum[1] += row.exits();
            sum[2]++;
          }
        }
      }
    } catch (IOException e) {
      return new TreeMap<>(); // a part file being committed; look again
    }
    return sums;
  }

  private static void awaitUntil(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
