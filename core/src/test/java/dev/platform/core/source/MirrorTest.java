package dev.platform.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.ingest.TurnstileWeekSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {
  @TempDir Path root;

  @Test
  void theHeartFileIsTheFirstByNameInHeart() throws Exception {
    Mirror mirror = Mirror.of(root);
    assertEquals(Optional.empty(), mirror.heartSource());
    Files.createDirectories(root.resolve("heart"));
    Files.writeString(root.resolve("heart/heart_2020_cleaned.dev.csv.gz"), "x");
    Files.writeString(root.resolve("heart/notes.txt"), "x");
    assertEquals(
        root.resolve("heart/heart_2020_cleaned.dev.csv.gz"), mirror.heartSource().orElseThrow());
    Files.writeString(root.resolve("heart/heart_2020_cleaned.csv"), "x");
    assertEquals(root.resolve("heart/heart_2020_cleaned.csv"), mirror.heartSource().orElseThrow());
  }

  @Test
  void weeklyFilesInTheFolderOrItsMtaSubfolder() throws Exception {
    Mirror mirror = Mirror.of(root);
    Files.createDirectories(root.resolve("mta"));
    Files.writeString(root.resolve("mta/240106.csv.gz"), "x");
    Files.writeString(root.resolve("turnstile_240113.csv.gz"), "x");
    Files.writeString(root.resolve("mta/turnstile_240120.txt"), "x");
    assertEquals(
        root.resolve("mta/240106.csv.gz"),
        mirror.turnstileWeek(LocalDate.of(2024, 1, 6)).orElseThrow());
    assertEquals(
        root.resolve("turnstile_240113.csv.gz"),
        mirror.turnstileWeek(LocalDate.of(2024, 1, 13)).orElseThrow());
    assertEquals(
        root.resolve("mta/turnstile_240120.txt"),
        mirror.turnstileWeek(LocalDate.of(2024, 1, 20)).orElseThrow());
    assertEquals(Optional.empty(), mirror.turnstileWeek(LocalDate.of(2024, 1, 27)));
  }

  @Test
  void theSharedDataIsAMirror() {
    Mirror shared = Mirror.of(Path.of(System.getProperty("shared.data.dir")));
    assertTrue(shared.heartSource().orElseThrow().endsWith("heart/heart_2020_cleaned.dev.csv.gz"));
    assertTrue(shared.stationReference().orElseThrow().endsWith("mta/remote_booth_station.csv"));
    assertTrue(shared.turnstileWeek(LocalDate.of(2024, 2, 10)).isPresent());
  }

  @Test
  void aMirrorMustBeAFolder() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mirror.of(root.resolve("nowhere")));
    assertTrue(e.getMessage().startsWith("no mirror folder at "), e.getMessage());
  }

  @Test
  void weekSourcesFromTheirTextAndTheEnvironment() {
    TurnstileWeekSource template = TurnstileWeekSource.parse("https://example.org/t_{yyMMdd}.txt");
    assertEquals(
        Optional.of("https://example.org/t_240106.txt"), template.locate(LocalDate.of(2024, 1, 6)));
    assertEquals(template, TurnstileWeekSource.parse(template.spec()));
    TurnstileWeekSource mirror = TurnstileWeekSource.parse(root.toString());
    assertEquals(TurnstileWeekSource.mirror(root), mirror);
    assertEquals(mirror, TurnstileWeekSource.parse(mirror.spec()));
    assertEquals(
        TurnstileWeekSource.publicSite(),
        TurnstileWeekSource.fromEnvironment(new PlatformEnvironment(Map.of())));
    assertEquals(
        mirror,
        TurnstileWeekSource.fromEnvironment(
            new PlatformEnvironment(Map.of("PLATFORM_MIRROR", root.toString()))));
    assertThrows(
        IllegalArgumentException.class, () -> TurnstileWeekSource.template("https://x/y.txt"));
  }
}
