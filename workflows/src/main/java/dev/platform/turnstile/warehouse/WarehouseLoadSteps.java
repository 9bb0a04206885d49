package dev.platform.turnstile.warehouse;

import dev.platform.warehouse.CheckResult;
import dev.platform.warehouse.FileLoad;
import dev.platform.warehouse.LakeFile;
import dev.platform.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The warehouse load's order of steps, written once: the workflow runs it on activity stubs, {@code
 * warehouse load --direct} on the activity implementations in-process. Deterministic: it only calls
 * the activities.
 */
public final class WarehouseLoadSteps {
  private WarehouseLoadSteps() {}

  public static WarehouseLoadResult run(
      WarehouseLoadActivities activities, Consumer<String> progress) {
    List<String> summary = new ArrayList<>();
    Consumer<String> step =
        line -> {
          summary.add(line);
          progress.accept(line);
        };
    long booths = activities.loadReference();
    step.accept(
        booths == 0
            ? "reference table: nothing new"
            : String.format(Locale.ROOT, "reference table: %,d booths", booths));
    List<LakeFile> files = activities.listUnloadedFiles();
    step.accept(files.size() + " lake files to load");
    int loaded = 0;
    int quarantined = 0;
    long inserted = 0;
    for (int from = 0; from < files.size(); from += Warehouse.MAX_FILES_PER_LOAD) {
      List<LakeFile> together =
          files.subList(from, Math.min(files.size(), from + Warehouse.MAX_FILES_PER_LOAD));
      List<FileLoad> loads = activities.loadFiles(new ArrayList<>(together));
      for (FileLoad load : loads) {
        step.accept(load.describe());
        if (load.status() == FileLoad.Status.LOADED) {
          loaded++;
          inserted += load.rowsInserted();
        } else if (load.status() == FileLoad.Status.QUARANTINED) {
          quarantined++;
        }
      }
      step.accept(
          String.format(
              Locale.ROOT,
              "%d files in one load: %.2f s",
              loads.size(),
              loads.stream().mapToDouble(FileLoad::seconds).max().orElse(0)));
    }
    if (loaded == 0 && quarantined == 0 && booths == 0 && activities.upToDate()) {
      step.accept("nothing new: the last checks passed and the dashboard is current");
      return new WarehouseLoadResult(0, 0, 0, List.copyOf(summary));
    }
    long unknown = activities.refreshTraffic();
    step.accept(
        String.format(
            Locale.ROOT, "traffic rebuilt: %,d intervals of unknown traffic set aside", unknown));
    List<CheckResult> checks = activities.runChecks();
    step.accept(checks.size() + " data-quality checks passed");
    step.accept("dashboard: " + activities.refreshDashboard());
    return new WarehouseLoadResult(loaded, inserted, quarantined, List.copyOf(summary));
  }
}
