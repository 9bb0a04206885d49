package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Ingest the heart source -> profile -> train the four models in parallel -> evaluate and bundle ->
 * promote if not worse than the current model -> tell the API to reload.
 */
@WorkflowInterface
public interface HeartModelTrainingWorkflow {
  /** Workflow ids carry the data: {@code heart-training-<first 12 hex of its SHA-256>}. */
  static String workflowId(String sha256) {
    return "heart-training-" + sha256.substring(0, 12);
  }

  @WorkflowMethod(name = "HeartModelTraining")
  HeartTrainingResult train(String source);

  /** Lines describing the steps done so far, for clients following the run. */
  @QueryMethod
  List<String> progress();
}
