package dev.platform.turnstile.ingest;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.LocalDate;
import java.util.List;

/**
 * Ingests the station table and the weekly files of every Saturday from {@code from} to {@code to}
 * into the lake (one activity per week), then loads the warehouse as a {@code WarehouseLoad} child
 * workflow.
 */
@WorkflowInterface
public interface TurnstileBatchIngestionWorkflow {
  String TYPE = "TurnstileBatchIngestion";

  /** One run per range: {@code turnstile-ingestion-2024-01-06-2024-02-10}. */
  static String workflowId(LocalDate from, LocalDate to) {
    return "turnstile-ingestion-" + from + "-" + to;
  }

  /**
   * @param source a URL template holding {@code {yyMMdd}} or a mirror folder; blank for the
   *     worker's setting ({@code PLATFORM_MIRROR}, else the public site)
   */
  @WorkflowMethod(name = TYPE)
  TurnstileIngestionResult ingest(LocalDate from, LocalDate to, String source);

  /** The lines of the steps done so far, for clients following the run. */
  @QueryMethod
  List<String> progress();
}
