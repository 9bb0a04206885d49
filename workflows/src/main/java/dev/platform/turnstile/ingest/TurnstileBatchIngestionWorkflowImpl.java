package dev.platform.turnstile.ingest;

import dev.platform.turnstile.ingest.TurnstileIngestionSteps.Ingested;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Orchestration only: deterministic, every effect goes through an activity or the child. */
public class TurnstileBatchIngestionWorkflowImpl implements TurnstileBatchIngestionWorkflow {
  private final TurnstileIngestionActivities activities =
      Workflow.newActivityStub(
          TurnstileIngestionActivities.class, TurnstileActivityOptions.ingestion());
  private final List<String> progress = new ArrayList<>();

  @Override
  public TurnstileIngestionResult ingest(LocalDate from, LocalDate to, String source) {
    Ingested ingested = TurnstileIngestionSteps.run(activities, from, to, source, progress::add);
    WarehouseLoadResult warehouse = loadWarehouse();
    TurnstileIngestionResult result =
        new TurnstileIngestionResult(
            ingested.reference(),
            ingested.weeks(),
            ingested.failures(),
            warehouse,
            List.copyOf(progress));
    if (!ingested.failures().isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          result.totals() + "; " + String.join("; ", ingested.failures()),
          "TurnstileIngestionFailed");
    }
    return result;
  }

  /**
   * Runs {@code WarehouseLoad} as a child. Its id is fixed (one load per warehouse): while another
   * load runs, this waits and tries again, so the weeks just stored are surely loaded.
   */
  private WarehouseLoadResult loadWarehouse() {
    for (int attempt = 1; ; attempt++) {
      WarehouseLoadWorkflow load =
          Workflow.newChildWorkflowStub(
              WarehouseLoadWorkflow.class, TurnstileActivityOptions.warehouseLoad());
      try {
        WarehouseLoadResult result = load.load();
        progress.add("warehouse: " + result.describe());
        return result;
      } catch (ChildWorkflowFailure e) {
        if (!(e.getCause() instanceof WorkflowExecutionAlreadyStarted)
            || attempt >= TurnstileActivityOptions.WAREHOUSE_BUSY_ATTEMPTS) {
          throw e;
        }
        if (attempt == 1) {
          progress.add("warehouse: another load is running; waiting for it to finish");
        }
        Workflow.sleep(TurnstileActivityOptions.WAREHOUSE_BUSY_WAIT);
      }
    }
  }

  @Override
  public List<String> progress() {
    return List.copyOf(progress);
  }
}
