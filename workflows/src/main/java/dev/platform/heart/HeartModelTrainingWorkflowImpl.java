package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.BuiltBundle;
import dev.platform.heart.HeartTrainingTypes.BundleRequest;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.heart.HeartTrainingTypes.ProfileSummary;
import dev.platform.heart.HeartTrainingTypes.Promotion;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.train.ModelKind;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Orchestration only: deterministic, every effect goes through an activity. */
public class HeartModelTrainingWorkflowImpl implements HeartModelTrainingWorkflow {
  private final HeartModelActivities activities =
      Workflow.newActivityStub(
          HeartModelActivities.class,
          HeartActivityOptions.defaults(),
          HeartActivityOptions.perActivity());
  private final List<String> progress = new ArrayList<>();

  @Override
  public HeartTrainingResult train(String source) {
    String runId = Workflow.getInfo().getWorkflowId();
    IngestedData data = activities.ingest(source);
    step(
        "ingested %s (%s, %,d bytes)",
        data.reused() ? "nothing new" : "the source", data.sha256().substring(0, 12), data.bytes());

    ProfileSummary profile = activities.profile(data.lakeKey(), runId);
    step(
        "profiled %,d rows, %,d positive; top risk value: %s",
        profile.rows(), profile.positives(), profile.topRiskValue());

    List<String> models = new ArrayList<>();
    List<Promise<ModelReport>> trainings = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      models.add(kind.id());
      trainings.add(
          Async.function(activities::train, new TrainRequest(data.lakeKey(), runId, kind.id())));
    }
    Map<String, ModelReport> reports = new LinkedHashMap<>();
    for (Promise<ModelReport> training : trainings) {
      ModelReport report = training.get();
      reports.put(report.model(), report);
      step(
          "trained %s in %.2f s (validation F1 %.4f)",
          report.model(), report.trainSeconds(), report.validation().f1());
    }

    BuiltBundle bundle =
        activities.buildBundle(
            new BundleRequest(data.lakeKey(), runId, models, Workflow.currentTimeMillis()));
    step(
        "bundle %s: serving %s (validation F1 %.4f)",
        bundle.versionId(), bundle.servingModel(), bundle.validationF1());

    Promotion promotion = activities.promote(bundle);
    step(promotion.reason());
    String notification = "not promoted, API not told";
    if (promotion.promoted()) {
      notification = activities.notifyApi(promotion.versionId());
      step(notification);
    }
    return new HeartTrainingResult(
        data.sha256(),
        bundle.versionId(),
        bundle.servingModel(),
        promotion.promoted(),
        promotion.reason(),
        notification,
        reports);
  }

  @Override
  public List<String> progress() {
    return List.copyOf(progress);
  }

  private void step(String format, Object... args) {
    progress.add(String.format(Locale.ROOT, format, args));
  }
}
