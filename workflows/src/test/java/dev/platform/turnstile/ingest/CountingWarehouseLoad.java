package dev.platform.turnstile.ingest;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * TEST ONLY: a stand-in for the real {@link WarehouseLoadWorkflow} (built on another branch), so
 * the ingestion workflow's child call runs here. It loads nothing: it counts the batch files in the
 * lake through an activity, which shows the child ran after the weeks were stored.
 */
public class CountingWarehouseLoad implements WarehouseLoadWorkflow {
  @ActivityInterface
  public interface LakeFiles {
    int countBatchFiles();
  }

  private final LakeFiles files =
      Workflow.newActivityStub(
          LakeFiles.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public WarehouseLoadResult load() {
    int batchFiles = files.countBatchFiles();
    return new WarehouseLoadResult(
        batchFiles, 0, 0, List.of("test load: " + batchFiles + " batch files in the lake"));
  }

  /** Registers the stand-in and its activity on a turnstile worker. */
  public static void register(Worker worker, Lake lake) {
    worker.registerWorkflowImplementationTypes(CountingWarehouseLoad.class);
    worker.registerActivitiesImplementations(
        (LakeFiles)
            () -> {
              try {
                return lake.list(LakeLayout.TURNSTILE_BATCH).size();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
