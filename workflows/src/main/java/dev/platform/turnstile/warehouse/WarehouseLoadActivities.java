package dev.platform.turnstile.warehouse;

import dev.platform.warehouse.CheckResult;
import dev.platform.warehouse.FileLoad;
import dev.platform.warehouse.LakeFile;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The warehouse load's steps. Thin: each calls the {@code warehouse} module. */
@ActivityInterface
public interface WarehouseLoadActivities {
  /**
   * Loads the remote/booth reference table into the dimensions when the lake's copy is new; returns
   * its booths, 0 when there was nothing new.
   */
  @ActivityMethod(name = "LoadReference")
  long loadReference();

  /** Batch weeks and stream files of the lake not yet in the manifest. */
  @ActivityMethod(name = "ListUnloadedFiles")
  List<LakeFile> listUnloadedFiles();

  /**
   * Files loaded together: the batch files in one transaction and one parallel scan, the stream
   * files in another; a file that cannot be parsed is quarantined with its reason and the others
   * load. What happened to each file, in the order given.
   */
  @ActivityMethod(name = "LoadLakeFiles")
  List<FileLoad> loadFiles(List<LakeFile> files);

  /** True when nothing changed since the last passed checks and the dashboard exists. */
  @ActivityMethod(name = "IsUpToDate")
  boolean upToDate();

  /** Rebuilds the traffic table from the traffic view; returns the unknown intervals. */
  @ActivityMethod(name = "RefreshTraffic")
  long refreshTraffic();

  /** The data-quality checks, stored; fails with the failed checks' names. */
  @ActivityMethod(name = "RunChecks")
  List<CheckResult> runChecks();

  /** Writes the dashboard snapshot to the lake; returns the JSON's key. */
  @ActivityMethod(name = "RefreshDashboard")
  String refreshDashboard();
}
