package dev.platform.turnstile.warehouse;

import dev.platform.temporal.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/**
 * Starts the warehouse load on Temporal. One at a time per warehouse: the workflow id is fixed;
 * starting while a load runs joins the running one (conflict policy USE_EXISTING), and a finished
 * load's id may be used again (a rerun is safe: it loads only what is new).
 */
public final class WarehouseLoads {
  private WarehouseLoads() {}

  public static WorkflowOptions options() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WarehouseLoadWorkflow.WORKFLOW_ID)
        .setTaskQueue(TaskQueues.TURNSTILE)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  /** Starts a load, or joins the one running; returns its stub to wait on. */
  public static WorkflowStub startOrJoin(WorkflowClient client) {
    WarehouseLoadWorkflow workflow = client.newWorkflowStub(WarehouseLoadWorkflow.class, options());
    WorkflowClient.start(workflow::load);
    return WorkflowStub.fromTyped(workflow);
  }

  /** Starts or joins a load and waits for its result. */
  public static WarehouseLoadResult run(WorkflowClient client) {
    return startOrJoin(client).getResult(WarehouseLoadResult.class);
  }
}
