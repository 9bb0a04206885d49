package dev.platform.core.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeFoldersTest {
  @TempDir Path dir;

  @Test
  void aFolderGoesUpWithItsMarkerLastAndComesBackWhole() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("bundle/charts"));
    Files.writeString(dir.resolve("bundle/model.json"), "{\"trees\":[]}");
    Files.writeString(dir.resolve("bundle/bundle.json"), "{\"version\":1}");
    Files.write(folder.resolve("roc.png"), new byte[] {1, 2, 3});
    Lake lake = new LocalLake(dir.resolve("lake"));

    List<LakeObject> stored =
        LakeFolders.put(lake, dir.resolve("bundle"), "heart/models/v1/", "bundle.json");

    assertEquals(
        List.of(
            "heart/models/v1/charts/roc.png",
            "heart/models/v1/model.json",
            "heart/models/v1/bundle.json"),
        stored.stream().map(LakeObject::key).toList());
    Path copy = dir.resolve("cache/v1");
    assertEquals(3, LakeFolders.download(lake, "heart/models/v1/", copy));
    assertEquals("{\"trees\":[]}", Files.readString(copy.resolve("model.json")));
    assertEquals(3, Files.readAllBytes(copy.resolve("charts/roc.png")).length);
    try (var left = Files.list(dir.resolve("cache"))) {
      assertEquals(List.of(copy), left.toList(), "no staging folder is left behind");
    }
  }

  @Test
  void anEmptyPrefixIsAnErrorAndLeavesNoFolder() {
    Lake lake = new LocalLake(dir.resolve("lake"));
    IOException error =
        assertThrows(
            IOException.class,
            () -> LakeFolders.download(lake, "heart/models/none/", dir.resolve("cache/none")));
    assertEquals(true, error.getMessage().contains("nothing under heart/models/none/"));
    assertFalse(Files.exists(dir.resolve("cache/none")));
  }

  @Test
  void theMarkerMustBeInTheFolder() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("empty/model.json"), "{}");
    Lake lake = new LocalLake(dir.resolve("lake"));
    assertThrows(
        IOException.class,
        () -> LakeFolders.put(lake, dir.resolve("empty"), "heart/models/v2/", "bundle.json"));
    assertFalse(lake.exists("heart/models/v2/model.json"), "nothing is stored without its marker");
  }
}
