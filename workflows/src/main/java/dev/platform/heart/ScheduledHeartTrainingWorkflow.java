package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * What the weekly retraining schedule starts: ingest the configured source, then run {@link
 * HeartModelTrainingWorkflow} as a child named after the data's checksum.
 */
@WorkflowInterface
public interface ScheduledHeartTrainingWorkflow {
  String TYPE = "ScheduledHeartTraining";

  @WorkflowMethod(name = TYPE)
  HeartTrainingResult run(String source);
}
