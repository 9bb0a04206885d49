package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import dev.platform.ml.registry.ModelChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CURRENT's compare-and-set, its history, a manual promotion and a rollback on a real lake. */
class HeartModelRegistryTest {
  @TempDir Path home;
  @TempDir Path lakeFolder;

  @Test
  void twoSwitchesFromTheSameCurrentCannotBothWin() throws Exception {
    HeartLake lake = lakeWith("v1", "v2", "v3");
    assertTrue(lake.switchCurrent("", "v1", "promote", "first"));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch ready = new CountDownLatch(1);
    List<Future<Boolean>> switches = new ArrayList<>();
    for (String version : List.of("v2", "v3")) {
      Callable<Boolean> change =
          () -> {
            ready.await();
            return lake.switchCurrent("v1", version, "promote", "race");
          };
      switches.add(threads.submit(change));
    }
    ready.countDown();
    int won = 0;
    for (Future<Boolean> result : switches) {
      won += result.get() ? 1 : 0;
    }
    threads.shutdown();

    assertEquals(1, won, "one of two runs that read the same CURRENT switches it");
    String winner = lake.currentVersion().orElseThrow();
    List<ModelChange> history = lake.history();
    assertEquals(2, history.size());
    assertEquals(winner, history.get(1).version());
    assertEquals("v1", history.get(1).previous());
    assertFalse(lake.switchCurrent("v1", "v1", "promote", "stale"), "CURRENT moved on");
  }

  @Test
  void promoteByHandAndRollBackFollowTheHistory() throws Exception {
    HeartLake lake = lakeWith("v1", "v2");
    HeartModelRegistry registry = new HeartModelRegistry(lake);
    assertThrows(IllegalArgumentException.class, registry::rollback, "nothing to roll back");
    registry.promote("v1");
    assertThrows(IllegalArgumentException.class, registry::rollback, "no earlier CURRENT");
    ModelChange manual = registry.promote("v2");
    assertEquals("v1", manual.previous());
    assertEquals("manual", manual.action());
    assertThrows(IllegalArgumentException.class, () -> registry.promote("v2"), "already");
    assertThrows(IllegalArgumentException.class, () -> registry.promote("v9"), "not stored");

    ModelChange back = registry.rollback();

    assertEquals("v1", back.version());
    assertEquals("v2", back.previous());
    assertEquals("rollback", back.action());
    assertEquals(Optional.of("v1"), lake.currentVersion());
    assertEquals(
        List.of("manual", "manual", "rollback"),
        lake.history().stream().map(ModelChange::action).toList());
    assertEquals(List.of("v1", "v2"), lake.versions());
  }

  /** A lake holding bundles (a manifest stands for a whole bundle here) of these versions. */
  private HeartLake lakeWith(String... versions) throws Exception {
    HeartLake lake = new HeartLake(new LocalLake(lakeFolder), home);
    for (String version : versions) {
      Path bundle = Files.createDirectories(home.resolve("bundles").resolve(version));
      Files.writeString(bundle.resolve("bundle.json"), "{\"versionId\":\"" + version + "\"}");
      lake.putBundle(version, bundle);
    }
    return lake;
  }
}
