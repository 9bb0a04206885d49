package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.bench.StreamBenchmark.FlinkSummary;
import dev.platform.cli.PlatformCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform bench stream} with a few thousand messages: its own real broker, the plain
 * consumer, and the job in its own JVM from {@code flink-jobs/target}. Checks the printed figures,
 * never their size.
 */
class BenchStreamCommandTest {
  @TempDir Path work;
  private String previousRoot;

  @BeforeEach
  void pointAtTheBuiltJob() {
    previousRoot = System.getProperty("platform.root");
    System.setProperty("platform.root", System.getProperty("platform.repo.root", ".."));
  }

  @AfterEach
  void restore() {
    if (previousRoot == null) {
      System.clearProperty("platform.root");
    } else {
      System.setProperty("platform.root", previousRoot);
    }
  }

  @Test
  void printsBothRatesAndTheirRatio() throws Exception {
    Run run =
        PlatformCommandTest.run(
            "bench",
            "stream",
            "--count",
            "4000",
            "--partitions",
            "2",
            "--parallelism",
            "1",
            "--work",
            work.toString());
    assertEquals(0, run.exitCode(), run.output() + run.errors());
    String out = run.output();

    Matcher plain =
        Pattern.compile("plain-consumer events=(\\d+) seconds=([\\d.]+) events-per-second=(\\d+)")
            .matcher(out);
    assertTrue(plain.find(), out);
    assertEquals(4000, Long.parseLong(plain.group(1)));
    assertTrue(Double.parseDouble(plain.group(2)) > 0, out);
    assertTrue(Long.parseLong(plain.group(3)) > 0, out);

    Matcher job =
        Pattern.compile(
                "flink-job events=(\\d+) seconds=([\\d.]+) events-per-second=(\\d+)"
                    + " aggregates-out=(\\d+)")
            .matcher(out);
    assertTrue(job.find(), out);
    assertEquals(4000, Long.parseLong(job.group(1)));
    assertTrue(Double.parseDouble(job.group(2)) > 0, out);
    assertTrue(Long.parseLong(job.group(3)) > 0, out);
    assertTrue(Long.parseLong(job.group(4)) > 0, out);

    Matcher ratio = Pattern.compile("ratio=([\\d.]+)").matcher(out);
    assertTrue(ratio.find(), out);
    double expected = Long.parseLong(job.group(3)) / (double) Long.parseLong(plain.group(3));
    assertEquals(expected, Double.parseDouble(ratio.group(1)), 0.01 + expected * 0.01);

    try (var files = Files.walk(work.resolve("job/lake"))) {
      assertTrue(
          files.anyMatch(p -> p.getFileName().toString().matches("part-.*\\.csv\\.gz")),
          "the job committed part files to its lake");
    }
  }

  @Test
  void parsesTheJobsSummaryLine() {
    FlinkSummary summary =
        FlinkSummary.parse(
            "flink.summary messages-in=300000 dead-letters=2 duplicates-dropped=3 late-events=4"
                + " aggregates-out=9000 seconds=20.906 events-per-second=14350");
    assertEquals(300000, summary.messagesIn());
    assertEquals(2, summary.deadLetters());
    assertEquals(3, summary.duplicatesDropped());
    assertEquals(4, summary.lateEvents());
    assertEquals(9000, summary.aggregatesOut());
    assertEquals(20.906, summary.seconds(), 1e-9);
    assertEquals(14350, summary.eventsPerSecond(), 1e-9);
  }

  @Test
  void rejectsANonPositiveCount() {
    Run run = PlatformCommandTest.run("bench", "stream", "--count", "0");
    assertTrue(run.exitCode() != 0, run.output());
    assertTrue(run.errors().contains("--count must be at least 1"), run.errors());
  }
}
