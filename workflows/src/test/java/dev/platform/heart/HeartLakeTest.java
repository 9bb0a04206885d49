package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.lake.LocalLake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heart places on a lake that is not a local folder (a folder lake behind the bare interface,
 * as a bucket would be): sources are copied to the local cache to be read, bundles go up whole
 * before CURRENT moves.
 */
class HeartLakeTest {
  @TempDir Path home;
  @TempDir Path bucket;

  @Test
  void aRemoteObjectIsReadFromTheLocalCacheDownloadedOnce() throws IOException {
    CountingLake remote = new CountingLake(new LocalLake(bucket));
    HeartLake lake = new HeartLake(remote, home);
    String key = LakeLayout.heartRaw("abc") + "heart.csv.gz";
    remote.put(key, "HeartDisease,BMI\n".getBytes(StandardCharsets.UTF_8));

    Path local = lake.localFile(key);
    assertEquals(home.resolve("cache/lake").resolve(key), local);
    assertEquals("HeartDisease,BMI\n", Files.readString(local));
    assertEquals(local, lake.localFile(key));
    assertEquals(1, remote.opened.get(), "the cached copy is reused");
    assertEquals(Optional.of(key), lake.raw("abc").map(LakeObject::key));
    assertThrows(IOException.class, () -> lake.localFile(LakeLayout.heartRaw("none") + "x.csv"));
  }

  @Test
  void aBundleGoesUpWholeBeforeCurrentPointsAtIt() throws IOException {
    HeartLake lake = new HeartLake(new CountingLake(new LocalLake(bucket)), home);
    Path bundle = Files.createDirectories(home.resolve("runs/r1/bundle"));
    Files.createDirectories(bundle.resolve("charts"));
    Files.writeString(bundle.resolve("model.json"), "{}");
    Files.writeString(bundle.resolve("charts/roc_curves.png"), "png");
    Files.writeString(bundle.getParent().resolve("bundle/bundle.json"), "{\"formatVersion\":1}");

    assertThrows(IOException.class, () -> lake.setCurrent("v1"), "no CURRENT without its bundle");
    assertEquals(Optional.empty(), lake.currentVersion());
    lake.putBundle("v1", bundle);
    assertTrue(lake.hasBundle("v1"));
    lake.setCurrent("v1");
    assertEquals(Optional.of("v1"), lake.currentVersion());
    assertEquals(
        List.of(
            "heart/models/CURRENT",
            "heart/models/v1/bundle.json",
            "heart/models/v1/charts/roc_curves.png",
            "heart/models/v1/model.json"),
        lake.lake().list(LakeLayout.HEART_MODELS).stream().map(LakeObject::key).toList());
    assertFalse(Files.exists(home.resolve("lake")));
  }

  /** A lake that hides its folder and counts reads. */
  static final class CountingLake implements Lake {
    final Lake inner;
    final AtomicInteger opened = new AtomicInteger();

    CountingLake(Lake inner) {
      this.inner = inner;
    }

    @Override
    public String uri() {
      return inner.uri();
    }

    @Override
    public String uri(String key) {
      return inner.uri(key);
    }

    @Override
    public LakeObject put(String key, Path file) throws IOException {
      return inner.put(key, file);
    }

    @Override
    public LakeObject put(String key, byte[] bytes) throws IOException {
      return inner.put(key, bytes);
    }

    @Override
    public InputStream open(String key) throws IOException {
      opened.incrementAndGet();
      return inner.open(key);
    }

    @Override
    public Optional<LakeObject> stat(String key) throws IOException {
      return inner.stat(key);
    }

    @Override
    public List<LakeObject> list(String prefix) throws IOException {
      return inner.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
      inner.delete(key);
    }
  }
}
