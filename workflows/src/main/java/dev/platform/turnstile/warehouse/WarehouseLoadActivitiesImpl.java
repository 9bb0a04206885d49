package dev.platform.turnstile.warehouse;

import dev.platform.core.lake.LakeLayout;
import dev.platform.temporal.Heartbeats;
import dev.platform.warehouse.CheckResult;
import dev.platform.warehouse.Dashboard;
import dev.platform.warehouse.DataQualityException;
import dev.platform.warehouse.FileLoad;
import dev.platform.warehouse.LakeFile;
import dev.platform.warehouse.Warehouse;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The activities on one warehouse and its lake; also what {@code warehouse load --direct} runs. */
public class WarehouseLoadActivitiesImpl implements WarehouseLoadActivities {
  private final Warehouse warehouse;

  public WarehouseLoadActivitiesImpl(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public long loadReference() {
    try {
      return warehouse.loadReference();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<LakeFile> listUnloadedFiles() {
    try {
      return warehouse.unloadedFiles();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Heart-beats while the files load, so a dead worker's load is retried within seconds. */
  @Override
  public List<FileLoad> loadFiles(List<LakeFile> files) {
    Optional<ActivityExecutionContext> context = activityContext();
    try {
      if (context.isEmpty()) {
        return warehouse.load(files); // --direct: no Temporal around
      }
      Heartbeats heartbeats = new Heartbeats();
      heartbeats.stage("loading " + files.size() + " lake files");
      return heartbeats.whileRunning(context.get(), () -> warehouse.load(files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<ActivityExecutionContext> activityContext() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (RuntimeException notInAnActivity) {
      return Optional.empty();
    }
  }

  @Override
  public boolean upToDate() {
    try {
      return warehouse.upToDate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long refreshTraffic() {
    return warehouse.refreshTraffic();
  }

  @Override
  public List<CheckResult> runChecks() {
    List<CheckResult> results = warehouse.check();
    DataQualityException.requirePassed(results);
    return results;
  }

  @Override
  public String refreshDashboard() {
    try {
      Dashboard.publish(warehouse.lake(), Dashboard.read(warehouse.database(), Optional.empty()));
      return LakeLayout.TURNSTILE_DASHBOARD + Dashboard.JSON;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
