package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.BuiltBundle;
import dev.platform.heart.HeartTrainingTypes.BundleRequest;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.heart.HeartTrainingTypes.ProfileSummary;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.ModelReport;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Orchestration only: deterministic, every effect goes through an activity. */
public class HeartModelTrainingWorkflowImpl implements HeartModelTrainingWorkflow {
  /** The change to "prepare once, profile beside training, models from the input". */
  static final String PREPARE_ONCE = "prepare-once";

  /** The models of runs started before {@link #PREPARE_ONCE}, in their order. */
  static final List<String> FIRST_MODELS =
      List.of("logistic_regression", "decision_tree", "random_forest", "xgboost");

  private final HeartModelActivities activities =
      Workflow.newActivityStub(
          HeartModelActivities.class,
          HeartActivityOptions.defaults(),
          HeartActivityOptions.perActivity());
  private final List<String> progress = new ArrayList<>();

  @Override
  public HeartTrainingResult train(String source, List<String> models) {
    String runId = Workflow.getInfo().getWorkflowId();
    int version = Workflow.getVersion(PREPARE_ONCE, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      return firstShape(source, runId);
    }
    return HeartTrainingSteps.run(
        activities,
        new AsyncParallel(),
        Workflow::currentTimeMillis,
        runId,
        source,
        models == null || models.isEmpty() ? HeartTrainingSteps.DEFAULT_MODELS : models,
        progress::add);
  }

  /** Runs the activities with {@code Async}; completions are noted in the workflow's thread. */
  private static final class AsyncParallel implements HeartTrainingSteps.Parallel {
    @Override
    public <R> Supplier<R> start(Supplier<R> call, Consumer<R> whenDone) {
      Promise<R> promise =
          Async.function(call::get)
              .thenApply(
                  result -> {
                    whenDone.accept(result);
                    return result;
                  });
      return promise::get;
    }
  }

  /**
   * The shape of runs started before {@link #PREPARE_ONCE}: profile, then the four models, each
   * step reading the source (the activities now prepare the run's data on first use).
   */
  private HeartTrainingResult firstShape(String source, String runId) {
    Consumer<String> step = progress::add;
    IngestedData data = activities.ingest(source);
    HeartTrainingSteps.step(
        step,
        "ingested %s (%s, %,d bytes)",
        data.reused() ? "nothing new" : "the source",
        data.sha256().substring(0, 12),
        data.bytes());

    ProfileSummary profile = activities.profile(data.lakeKey(), runId);
    HeartTrainingSteps.step(
        step,
        "profiled %,d rows, %,d positive; top risk value: %s",
        profile.rows(),
        profile.positives(),
        profile.topRiskValue());

    List<Promise<ModelReport>> trainings = new ArrayList<>();
    for (String model : FIRST_MODELS) {
      trainings.add(
          Async.function(activities::train, new TrainRequest(data.lakeKey(), runId, model)));
    }
    Map<String, ModelReport> reports = new LinkedHashMap<>();
    for (Promise<ModelReport> training : trainings) {
      ModelReport report = training.get();
      reports.put(report.model(), report);
      HeartTrainingSteps.trained(step, report);
    }

    BuiltBundle bundle =
        activities.buildBundle(
            new BundleRequest(data.lakeKey(), runId, FIRST_MODELS, Workflow.currentTimeMillis()));
    HeartTrainingSteps.step(
        step,
        "bundle %s: serving %s (validation F1 %.4f)",
        bundle.versionId(),
        bundle.servingModel(),
        bundle.validationF1());
    return HeartTrainingSteps.promoteAndNotify(activities, data, bundle, reports, step);
  }

  @Override
  public List<String> progress() {
    return List.copyOf(progress);
  }
}
