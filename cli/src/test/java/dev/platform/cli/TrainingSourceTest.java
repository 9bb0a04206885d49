package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.config.PlatformEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}'s source: --data, else the heart file of --mirror or PLATFORM_MIRROR. */
class TrainingSourceTest {
  @TempDir Path mirror;

  @Test
  void dataWinsThenTheMirrorOptionThenTheEnvironment() throws Exception {
    Files.createDirectories(mirror.resolve("heart"));
    Path heart = Files.writeString(mirror.resolve("heart/heart_2020_cleaned.dev.csv.gz"), "x");
    PlatformEnvironment environment =
        new PlatformEnvironment(Map.of("PLATFORM_MIRROR", mirror.toString()));

    TrainingSource source = new TrainingSource();
    source.data = "https://example.org/heart.csv";
    source.mirror = Path.of("/nowhere");
    assertEquals("https://example.org/heart.csv", source.location(environment));

    source.data = null;
    source.mirror = mirror;
    assertEquals(heart.toString(), source.location(new PlatformEnvironment(Map.of())));

    source.mirror = null;
    assertEquals(heart.toString(), source.location(environment));
  }

  @Test
  void withoutDataOrMirrorItSaysWhatToGive() throws Exception {
    TrainingSource source = new TrainingSource();
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> source.location(new PlatformEnvironment(Map.of())));
    assertEquals(
        "give --data FILE_OR_URL or --mirror DIR (or set PLATFORM_MIRROR)", none.getMessage());
    source.mirror = mirror;
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> source.location(new PlatformEnvironment(Map.of())));
    assertTrue(empty.getMessage().startsWith("no heart/heart_2020_cleaned*.csv* in the mirror"));
  }
}
