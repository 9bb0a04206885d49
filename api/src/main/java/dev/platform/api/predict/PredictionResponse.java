package dev.platform.api.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One record's answer, as the original API gave it, plus the top factors when asked. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PredictionResponse(
    @JsonProperty("risk_score") double riskScore,
    @JsonProperty("risk_label") String riskLabel,
    @JsonProperty("top_factors") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        List<TopFactor> topFactors) {

  /** A field's signed contribution to the score, in log-odds. */
  @Serdeable
  public record TopFactor(String field, double contribution) {}

  /** Rounds to 4 decimals, as the original Flask app did. */
  static double round4(double value) {
    return Math.round(value * 10_000d) / 10_000d;
  }
}
