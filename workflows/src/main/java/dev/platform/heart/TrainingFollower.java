package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Ingests a source into the lake, then starts {@link HeartModelTrainingWorkflow} on the stored
 * bytes (or joins the run already going for the same data) and reports its progress lines until it
 * completes. The run's id is that of the content ingested ({@link
 * HeartModelTrainingWorkflow#workflowId}), as the schedule's runs name theirs: a URL serving
 * something else by the time the worker reads it cannot give a run another content's id.
 */
public final class TrainingFollower {
  private final WorkflowClient client;
  private final boolean searchAttributes;

  /**
   * @param searchAttributes whether the server has {@link PlatformSearchAttributes} registered
   */
  public TrainingFollower(WorkflowClient client, boolean searchAttributes) {
    this.client = client;
    this.searchAttributes = searchAttributes;
  }

  /**
   * Ingests {@code source} into {@code lake} (the worker's lake), then trains on what it stored.
   */
  public HeartTrainingResult ingestAndFollow(
      HeartLake lake, String source, Consumer<String> progress) throws IOException {
    IngestedData data = lake.ingest(source);
    HeartTrainingSteps.step(
        progress,
        "ingested %s (%s, %,d bytes) as %s",
        data.reused() ? "nothing new" : "the source",
        data.sha256().substring(0, 12),
        data.bytes(),
        data.lakeKey());
    return startAndFollow(
        HeartLake.SOURCE_SCHEME + data.lakeKey(), source, data.sha256(), progress);
  }

  /**
   * Trains on a lake object whose content has this checksum (see {@link HeartLake#ingest}); the
   * memo keeps where it came from.
   */
  private HeartTrainingResult startAndFollow(
      String source, String ingestedFrom, String sha256, Consumer<String> progress) {
    String workflowId = HeartModelTrainingWorkflow.workflowId(sha256);
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.HEART_TRAINING)
            .setMemo(Map.of("source", source, "ingestedFrom", ingestedFrom, "dataSha256", sha256));
    if (searchAttributes) {
      options.setTypedSearchAttributes(
          SearchAttributes.newBuilder().set(PlatformSearchAttributes.DATA_SHA256, sha256).build());
    }
    HeartModelTrainingWorkflow workflow =
        client.newWorkflowStub(HeartModelTrainingWorkflow.class, options.build());
    try {
      WorkflowClient.start(workflow::train, source, HeartTrainingSteps.DEFAULT_MODELS);
    } catch (WorkflowExecutionAlreadyStarted e) {
      progress.accept("a run for this data is already going; following it");
      workflow = client.newWorkflowStub(HeartModelTrainingWorkflow.class, workflowId);
    }
    return follow(workflow, progress);
  }

  private static HeartTrainingResult follow(
      HeartModelTrainingWorkflow workflow, Consumer<String> progress) {
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    int shown = 0;
    while (true) {
      try {
        HeartTrainingResult result = stub.getResult(1, TimeUnit.SECONDS, HeartTrainingResult.class);
        shown = show(workflowProgress(workflow), shown, progress);
        return result;
      } catch (TimeoutException stillRunning) {
        shown = show(workflowProgress(workflow), shown, progress);
      }
    }
  }

  private static List<String> workflowProgress(HeartModelTrainingWorkflow workflow) {
    try {
      return workflow.progress();
    } catch (RuntimeException e) {
      return List.of(); // no worker answered the query yet
    }
  }

  private static int show(List<String> lines, int shown, Consumer<String> progress) {
    for (int i = shown; i < lines.size(); i++) {
      progress.accept(lines.get(i));
    }
    return Math.max(shown, lines.size());
  }
}
