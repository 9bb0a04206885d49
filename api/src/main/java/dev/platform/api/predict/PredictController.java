package dev.platform.api.predict;

import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.BadRequestException;
import dev.platform.api.errors.ExplainUnsupportedException;
import dev.platform.api.errors.PayloadTooLargeException;
import dev.platform.api.model.Explainer;
import dev.platform.api.model.ModelRegistry;
import dev.platform.api.model.ServingModel;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.predict.RiskPrediction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;

/** Scores a list of records with the serving model, optionally explaining each score. */
@Controller("/predict")
public class PredictController {
  static final int TOP_FACTORS = 5;

  private final ModelRegistry registry;
  private final RecordParser parser;
  private final long maxBodyBytes;

  public PredictController(ModelRegistry registry, RecordParser parser, ApiConfig config) {
    this.registry = registry;
    this.parser = parser;
    this.maxBodyBytes = config.maxBodyBytes();
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public List<PredictionResponse> predict(
      @Body byte[] body, @Nullable @QueryValue("explain") String explainParameter) {
    boolean explain = explainFlag(explainParameter);
    // the server limit normally answers first; this also covers a body sent without a length
    if (body != null && body.length > maxBodyBytes) {
      throw new PayloadTooLargeException(
          "body of " + body.length + " bytes is above the limit of " + maxBodyBytes);
    }
    ServingModel model = registry.require();
    Explainer explainer = explain ? explainerOf(model) : null;
    List<HeartRecord> records = parser.parse(body);
    List<RiskPrediction> predictions = model.predictor().predictAll(records);
    List<Explainer.Explanation> explanations =
        explainer == null ? null : explainer.explain(records);
    List<PredictionResponse> answers = new ArrayList<>(predictions.size());
    for (int i = 0; i < predictions.size(); i++) {
      RiskPrediction prediction = predictions.get(i);
      answers.add(
          new PredictionResponse(
              PredictionResponse.round4(prediction.riskScore()),
              prediction.riskLabel().id(),
              explanations == null ? null : topFactors(explanations.get(i))));
    }
    return answers;
  }

  private static boolean explainFlag(@Nullable String value) {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("false") || value.equals("0")) {
      return false;
    }
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return true;
    }
    throw new BadRequestException("explain must be true or false, got '" + value + "'");
  }

  private static Explainer explainerOf(ServingModel model) {
    return model
        .explainer()
        .orElseThrow(
            () ->
                new ExplainUnsupportedException(
                    "explain=true needs an XGBoost model (xgboost or random_forest); the serving"
                        + " model "
                        + model.versionId()
                        + " is "
                        + model.modelName()));
  }

  private static List<PredictionResponse.TopFactor> topFactors(Explainer.Explanation explanation) {
    return explanation.top(TOP_FACTORS).stream()
        .map(
            factor ->
                new PredictionResponse.TopFactor(
                    factor.field(), PredictionResponse.round4(factor.contribution())))
        .toList();
  }
}
