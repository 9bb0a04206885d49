package dev.platform.turnstile.warehouse;

import io.temporal.workflow.Workflow;

/** Orchestration only: {@link WarehouseLoadSteps} on activity stubs. */
public class WarehouseLoadWorkflowImpl implements WarehouseLoadWorkflow {
  private final WarehouseLoadActivities activities =
      Workflow.newActivityStub(
          WarehouseLoadActivities.class,
          WarehouseActivityOptions.defaults(),
          WarehouseActivityOptions.perActivity());

  @Override
  public WarehouseLoadResult load() {
    return WarehouseLoadSteps.run(activities, line -> {});
  }
}
