package dev.platform.turnstile.warehouse;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Loads every lake file not yet in the warehouse (batch weeks and committed stream files), checks
 * the data, refreshes the dashboard. One at a time per warehouse: the workflow id is fixed.
 */
@WorkflowInterface
public interface WarehouseLoadWorkflow {
  String TYPE = "WarehouseLoad";
  String WORKFLOW_ID = "warehouse-load";

  @WorkflowMethod(name = TYPE)
  WarehouseLoadResult load();
}
