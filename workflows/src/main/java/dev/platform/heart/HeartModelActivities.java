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
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The heart pipeline's steps. Thin: each calls the {@code ml} module. */
@ActivityInterface
public interface HeartModelActivities {
  @ActivityMethod(name = "IngestHeartData")
  IngestedData ingest(String source);

  /** Prepares the run's data once (see {@link PreparedSummary}). */
  @ActivityMethod(name = "PrepareData")
  PreparedSummary prepare(String lakeKey, String runId);

  /** Profiles the run's prepared records (prepares them first when a run has not). */
  @ActivityMethod(name = "ProfileHeartData")
  ProfileSummary profile(String lakeKey, String runId);

  /** Trains one model on the run's prepared data (prepares it first when a run has not). */
  @ActivityMethod(name = "TrainModel")
  ModelReport train(TrainRequest request);

  @ActivityMethod(name = "BuildBundle")
  BuiltBundle buildBundle(BundleRequest request);

  @ActivityMethod(name = "PromoteBundle")
  Promotion promote(BuiltBundle bundle);

  @ActivityMethod(name = "NotifyApi")
  String notifyApi(String versionId);

  /** Waits for the result of a training run that is already going (one the schedule joins). */
  @ActivityMethod(name = "AwaitTraining")
  HeartTrainingResult awaitTraining(String workflowId);
}
