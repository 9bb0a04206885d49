package dev.platform.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake contract on a local folder, and what only a folder has: hidden files. */
class LocalLakeTest extends LakeContract {
  @TempDir Path root;

  @Override
  Lake lake() {
    return new LocalLake(root);
  }

  @Test
  void hiddenTemporaryFilesAreNeverListed() throws Exception {
    Lake lake = lake();
    lake.put("turnstile/batch/2024/turnstile_240106.csv.gz", bytes("whole"));
    Path folder = root.resolve("turnstile/batch/2024");
    Files.writeString(folder.resolve(".put-123.tmp"), "half a write");
    Files.createDirectories(folder.resolve(".staging"));
    Files.writeString(folder.resolve(".staging/turnstile_240113.csv.gz"), "in progress");

    assertEquals(
        List.of("turnstile/batch/2024/turnstile_240106.csv.gz"),
        keys(lake.list("turnstile/batch/")));
  }

  @Test
  void aPutLeavesNoTemporaryFileBehind() throws Exception {
    Lake lake = lake();
    lake.put("reports/turnstile/latest/figures.json", bytes("{}"));
    lake.put("reports/turnstile/latest/figures.json", bytes("{\"a\":1}"));
    try (Stream<Path> all = Files.list(root.resolve("reports/turnstile/latest"))) {
      assertEquals(List.of("figures.json"), all.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aKeyCannotLeaveTheLake() {
    Lake lake = lake();
    assertThrows(IllegalArgumentException.class, () -> lake.put("../outside.txt", bytes("x")));
  }

  @Test
  void lakesOpensPathsAndFileUrlsAsFolders() {
    Lake byPath = Lakes.open(root.toString());
    Lake byUrl = Lakes.open(root.toUri().toString());
    assertEquals(
        root.toAbsolutePath().normalize(), assertInstanceOf(LocalLake.class, byPath).root());
    assertEquals(
        root.toAbsolutePath().normalize(), assertInstanceOf(LocalLake.class, byUrl).root());
  }
}
