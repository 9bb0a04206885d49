package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

public class ScheduledHeartTrainingWorkflowImpl implements ScheduledHeartTrainingWorkflow {
  private final HeartModelActivities activities =
      Workflow.newActivityStub(
          HeartModelActivities.class,
          HeartActivityOptions.defaults(),
          HeartActivityOptions.perActivity());

  @Override
  public HeartTrainingResult run(String source) {
    IngestedData data = activities.ingest(source);
    HeartModelTrainingWorkflow training =
        Workflow.newChildWorkflowStub(
            HeartModelTrainingWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(HeartModelTrainingWorkflow.workflowId(data.sha256()))
                .build());
    // the child reads the very bytes ingested here, wherever the source's content goes next
    return training.train(
        HeartLake.SOURCE_SCHEME + data.lakeKey(), HeartTrainingSteps.DEFAULT_MODELS);
  }
}
