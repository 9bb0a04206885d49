package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.BuiltBundle;
import dev.platform.heart.HeartTrainingTypes.BundleRequest;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.heart.HeartTrainingTypes.PreparedSummary;
import dev.platform.heart.HeartTrainingTypes.ProfileSummary;
import dev.platform.heart.HeartTrainingTypes.Promotion;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.ModelReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The heart training's order of steps, written once: ingest -> prepare once -> profile beside the
 * trainings of the models -> bundle -> promote -> tell the API. The workflow runs it on its
 * activity stub with {@code Async}; {@code train --direct} on the activity implementation with
 * threads. Deterministic: it calls only the activities, the clock and the parallel runner given.
 */
public final class HeartTrainingSteps {
  /** The models a run trains when its input names none, the longest to train first. */
  public static final List<String> DEFAULT_MODELS =
      List.of("xgboost", "logistic_regression", "random_forest", "decision_tree");

  private HeartTrainingSteps() {}

  /** Starts calls that run beside each other: {@code Async} in the workflow, threads direct. */
  public interface Parallel {
    /**
     * Starts {@code call}; {@code whenDone} gets its result as soon as it completes (for progress
     * lines in the order things finish).
     */
    <R> Supplier<R> start(Supplier<R> call, Consumer<R> whenDone);
  }

  public static HeartTrainingResult run(
      HeartModelActivities activities,
      Parallel parallel,
      LongSupplier clockMillis,
      String runId,
      String source,
      List<String> models,
      Consumer<String> progress) {
    IngestedData data = activities.ingest(source);
    step(
        progress,
        "ingested %s (%s, %,d bytes)",
        data.reused() ? "nothing new" : "the source",
        data.sha256().substring(0, 12),
        data.bytes());

    PreparedSummary prepared = activities.prepare(data.lakeKey(), runId);
    step(
        progress,
        "prepared %,d of %,d rows: split %,d / %,d / %,d (train / validation / test), %d columns",
        prepared.rowsKept(),
        prepared.rowsRead(),
        prepared.trainRows(),
        prepared.validationRows(),
        prepared.testRows(),
        prepared.columns());

    Supplier<ProfileSummary> profile =
        parallel.start(
            () -> activities.profile(data.lakeKey(), runId),
            summary ->
                step(
                    progress,
                    "profiled %,d rows, %,d positive; top risk value: %s",
                    summary.rows(),
                    summary.positives(),
                    summary.topRiskValue()));
    List<Supplier<ModelReport>> trainings = new ArrayList<>();
    for (String model : models) {
      trainings.add(
          parallel.start(
              () -> activities.train(new TrainRequest(data.lakeKey(), runId, model)),
              report -> trained(progress, report)));
    }
    Map<String, ModelReport> reports = new LinkedHashMap<>();
    for (Supplier<ModelReport> training : trainings) {
      ModelReport report = training.get();
      reports.put(report.model(), report);
    }
    profile.get();

    BuiltBundle bundle =
        activities.buildBundle(
            new BundleRequest(data.lakeKey(), runId, models, clockMillis.getAsLong()));
    step(
        progress,
        "bundle %s: serving %s (validation F1 %.4f)",
        bundle.versionId(),
        bundle.servingModel(),
        bundle.validationF1());
    return promoteAndNotify(activities, data, bundle, reports, progress);
  }

  /** The end both shapes of the workflow share: promote, and tell the API when promoted. */
  static HeartTrainingResult promoteAndNotify(
      HeartModelActivities activities,
      IngestedData data,
      BuiltBundle bundle,
      Map<String, ModelReport> reports,
      Consumer<String> progress) {
    Promotion promotion = activities.promote(bundle);
    progress.accept(promotion.reason());
    String notification = "not promoted, API not told";
    if (promotion.promoted()) {
      notification = activities.notifyApi(promotion.versionId());
      progress.accept(notification);
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

  static void trained(Consumer<String> progress, ModelReport report) {
    step(
        progress,
        "trained %s in %.2f s (validation F1 %.4f)",
        report.model(),
        report.trainSeconds(),
        report.validation().f1());
  }

  static void step(Consumer<String> progress, String format, Object... args) {
    progress.accept(String.format(Locale.ROOT, format, args));
  }
}
