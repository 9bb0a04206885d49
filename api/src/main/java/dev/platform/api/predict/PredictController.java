package dev.platform.api.predict;

import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.ApiException;
import dev.platform.api.errors.ErrorResponse;
import dev.platform.api.metrics.ServingMetrics;
import dev.platform.api.model.Explainer;
import dev.platform.api.model.ModelLease;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Scores a list of records with the serving model, optionally explaining each score. */
@Controller("/predict")
public class PredictController {
  static final int TOP_FACTORS = 5;

  private final ModelRegistry registry;
  private final RecordParser parser;
  private final ServingMetrics metrics;
  private final ExecutorService blocking;
  private final long maxBodyBytes;
  private final long eventLoopMaxBodyBytes;

  public PredictController(
      ModelRegistry registry,
      RecordParser parser,
      ServingMetrics metrics,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
      ApiConfig config) {
    this.registry = registry;
    this.parser = parser;
    this.metrics = metrics;
    this.blocking = blocking;
    this.maxBodyBytes = config.maxBodyBytes();
    this.eventLoopMaxBodyBytes = config.eventLoopMaxBodyBytes();
  }

  // A small plain request is scored on the event loop: it is short and CPU-bound, and a hand-off
  // to the blocking pool only added latency (bench api: p99 52 ms -> 30-41 ms). Explanations
  // (xgboost4j's contribution call is synchronized: callers queue) and large bodies go to the
  // blocking pool, so they never hold up the event loop's other connections.
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Risk scores of a list of records, in order")
  @ApiResponse(responseCode = "200", description = "one answer per record, in order")
  @ApiResponse(
      responseCode = "400",
      description = "invalid records (every problem listed), malformed JSON, empty or long list",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  @ApiResponse(responseCode = "413", description = "body above api.max-body-bytes")
  @ApiResponse(responseCode = "415", description = "body is not application/json")
  @ApiResponse(responseCode = "503", description = "no model loaded")
  public CompletableFuture<List<PredictionResponse>> predict(
      @RequestBody(
              description =
                  "a JSON list of records (or a JSON string holding it), each with the 17"
                      + " lower-case fields that GET /model lists; Yes/No fields as 1/0 or"
                      + " \"Yes\"/\"No\"",
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      array = @ArraySchema(schema = @Schema(type = "object"))))
          @Body
          byte[] body,
      @Parameter(description = "add the five fields that moved the score most (XGBoost models)")
          @Nullable
          @QueryValue("explain")
          String explainParameter) {
    boolean explain = explainFlag(explainParameter);
    // the server limit normally answers first; this also covers a body sent without a length
    if (body != null && body.length > maxBodyBytes) {
      throw ApiException.payloadTooLarge(
          "body of " + body.length + " bytes is above the limit of " + maxBodyBytes);
    }
    if (explain || (body != null && body.length > eventLoopMaxBodyBytes)) {
      return CompletableFuture.supplyAsync(() -> score(body, explain), blocking);
    }
    return CompletableFuture.completedFuture(score(body, explain));
  }

  private List<PredictionResponse> score(byte[] body, boolean explain) {
    try (ModelLease lease = registry.lease()) {
      return score(lease.model(), body, explain);
    }
  }

  private List<PredictionResponse> score(ServingModel model, byte[] body, boolean explain) {
    Explainer explainer = explain ? explainerOf(model) : null;
    List<HeartRecord> records = parser.parse(body);
    List<RiskPrediction> predictions = model.predictor().predictAll(records);
    metrics.scored(predictions);
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
    throw ApiException.badRequest("explain must be true or false, got '" + value + "'");
  }

  private static Explainer explainerOf(ServingModel model) {
    return model
        .explainer()
        .orElseThrow(
            () ->
                ApiException.badRequest(
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
