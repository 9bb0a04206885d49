package dev.platform.heart;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a recorded history of a real run against the current workflow code: a change that would
 * break runs in flight (a step added, removed or reordered) fails here.
 *
 * <p>To refresh the history after an intended, versioned change: {@code ./mvnw -pl workflows test
 * -Dtest=HeartModelTrainingWorkflowTest#trainsFourModelsInParallelPromotesTheBestAndReportsProgress
 * -Dheart.recordHistory=$PWD/workflows/src/test/resources/histories/heart-training-prepared.json}
 * (keep the older files: runs of their shapes may still be in flight).
 */
class HeartModelTrainingReplayTest {
  /** A run of the first shape (profile, then four trainings each reading the source). */
  @Test
  void aRunStartedBeforePrepareOnceReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/heart-training.json", HeartModelTrainingWorkflowImpl.class);
  }

  /** A run of the current shape: prepare once, profile beside the trainings. */
  @Test
  void aRunOfTheCurrentShapeReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/heart-training-prepared.json", HeartModelTrainingWorkflowImpl.class);
  }
}
