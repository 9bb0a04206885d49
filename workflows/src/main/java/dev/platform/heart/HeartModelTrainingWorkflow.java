package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Ingest the heart source -> prepare it once -> profile beside training the models in parallel ->
 * evaluate and bundle -> promote if not worse than the current model -> tell the API to reload (see
 * {@link HeartTrainingSteps}).
 */
@WorkflowInterface
public interface HeartModelTrainingWorkflow {
  /** Workflow ids carry the data: {@code heart-training-<first 12 hex of its SHA-256>}. */
  static String workflowId(String sha256) {
    return "heart-training-" + sha256.substring(0, 12);
  }

  /**
   * @param models model ids to train ({@code ModelKind#id()}); null or empty: {@link
   *     HeartTrainingSteps#DEFAULT_MODELS}. Runs started with the source alone still replay: a
   *     missing argument arrives as null.
   */
  @WorkflowMethod(name = "HeartModelTraining")
  HeartTrainingResult train(String source, List<String> models);

  /** Lines describing the steps done so far, for clients following the run. */
  @QueryMethod
  List<String> progress();
}
