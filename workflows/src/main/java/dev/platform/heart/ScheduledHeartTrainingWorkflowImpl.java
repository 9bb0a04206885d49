package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

public class ScheduledHeartTrainingWorkflowImpl implements ScheduledHeartTrainingWorkflow {
  /** The change to "join a run of the same data that is already going instead of failing". */
  static final String JOIN_RUNNING = "join-running-training";

  private final HeartModelActivities activities =
      Workflow.newActivityStub(
          HeartModelActivities.class,
          HeartActivityOptions.defaults(),
          HeartActivityOptions.perActivity());

  @Override
  public HeartTrainingResult run(String source) {
    IngestedData data = activities.ingest(source);
    String workflowId = HeartModelTrainingWorkflow.workflowId(data.sha256());
    HeartModelTrainingWorkflow training =
        Workflow.newChildWorkflowStub(
            HeartModelTrainingWorkflow.class,
            ChildWorkflowOptions.newBuilder().setWorkflowId(workflowId).build());
    int version = Workflow.getVersion(JOIN_RUNNING, Workflow.DEFAULT_VERSION, 1);
    try {
      // the child reads the very bytes ingested here, wherever the source's content goes next
      return training.train(
          HeartLake.SOURCE_SCHEME + data.lakeKey(), HeartTrainingSteps.DEFAULT_MODELS);
    } catch (ChildWorkflowFailure e) {
      if (version == Workflow.DEFAULT_VERSION || !alreadyStarted(e)) {
        throw e;
      }
      // a manual run of the same data is going: its result is this run's too
      return activities.awaitTraining(workflowId);
    }
  }

  private static boolean alreadyStarted(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WorkflowExecutionAlreadyStarted) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
