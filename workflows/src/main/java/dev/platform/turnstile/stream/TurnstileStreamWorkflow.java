package dev.platform.turnstile.stream;

import dev.platform.turnstile.stream.StreamTypes.StreamJobRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Keeps the turnstile aggregation job running: starts it (a local MiniCluster process, or on a
 * Flink cluster through its REST API), watches it, and restarts it from its latest checkpoint when
 * it fails or its process dies. One per platform: the workflow id is fixed.
 */
@WorkflowInterface
public interface TurnstileStreamWorkflow {
  String TYPE = "TurnstileStream";
  String WORKFLOW_ID = "turnstile-stream";

  @WorkflowMethod(name = TYPE)
  String run(StreamJobRequest request);

  /** The job's state as last seen, for people. */
  @QueryMethod
  String status();
}
