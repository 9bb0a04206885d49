package dev.platform.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.ingest.ScheduledTurnstileIngestionWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSchedulesTest {
  @TempDir Path mirror;

  @Test
  void theHeartSourceIsConfiguredElseTheMirrorsHeartFileElseThePublicFile() throws Exception {
    assertEquals(
        PlatformSchedules.PUBLIC_HEART_SOURCE,
        PlatformSchedules.heartSource(new PlatformEnvironment(Map.of())));
    assertEquals(
        PlatformSchedules.PUBLIC_HEART_SOURCE,
        PlatformSchedules.heartSource(
            new PlatformEnvironment(Map.of("PLATFORM_MIRROR", mirror.toString()))),
        "a mirror without heart data");
    Files.createDirectories(mirror.resolve("heart"));
    Path file = Files.writeString(mirror.resolve("heart/heart_2020_cleaned.dev.csv.gz"), "x");
    assertEquals(
        file.toString(),
        PlatformSchedules.heartSource(
            new PlatformEnvironment(Map.of("PLATFORM_MIRROR", mirror.toString()))));
    assertEquals(
        "https://example.org/heart.csv",
        PlatformSchedules.heartSource(
            new PlatformEnvironment(
                Map.of(
                    "PLATFORM_MIRROR",
                    mirror.toString(),
                    "PLATFORM_HEART_SOURCE",
                    "https://example.org/heart.csv"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PlatformSchedules.heartSource(
                new PlatformEnvironment(
                    Map.of("PLATFORM_MIRROR", mirror.resolve("nowhere").toString()))));
  }

  @Test
  void theTurnstileIngestionRunsWeeklyOnSaturdaysOnTheTurnstileQueue() {
    ScheduleSpec turnstile =
        PlatformSchedules.all("heart.csv").stream()
            .filter(spec -> spec.workflowType().equals(ScheduledTurnstileIngestionWorkflow.TYPE))
            .findFirst()
            .orElseThrow();
    assertEquals("turnstile-weekly-ingestion", turnstile.id());
    assertEquals("0 14 * * 6", turnstile.cron());
    assertEquals(TaskQueues.TURNSTILE, turnstile.taskQueue());
    assertEquals(List.of(""), turnstile.args(), "the worker's own source setting");
  }
}
