package dev.platform.api.model;

import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.train.EncodedSet;
import dev.platform.ml.train.XGBoostModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-field explanations of an XGBoost booster's scores: SHAP contributions of the encoded columns
 * (one-hot levels, ranks) summed back onto the 17 input fields they come from.
 */
public final class Explainer {
  private final XGBoostModel model;
  private final FeatureEncoding.Encoder encoder;
  private final int[] columnField;

  public Explainer(XGBoostModel model, FeatureEncoding encoding) {
    this.model = model;
    this.encoder = encoding.encoder();
    this.columnField =
        encoding.columns().stream().mapToInt(FeatureEncoding.Column::field).toArray();
  }

  /** A record's contribution (log-odds) per field, in schema order, and the model's bias. */
  public record Explanation(double[] perField, double bias) {

    /** The {@code limit} largest contributions by absolute value, largest first. */
    public List<Factor> top(int limit) {
      List<Factor> factors = new ArrayList<>(perField.length);
      for (int i = 0; i < perField.length; i++) {
        factors.add(new Factor(HeartSchema.FIELDS.get(i).name(), perField[i]));
      }
      factors.sort(
          (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
      return factors.subList(0, Math.min(limit, factors.size()));
    }

    /** Sum of all field contributions and the bias: the model's raw margin. */
    public double margin() {
      double sum = bias;
      for (double value : perField) {
        sum += value;
      }
      return sum;
    }
  }

  /** One field's signed contribution in log-odds. */
  public record Factor(String field, double contribution) {}

  public List<Explanation> explain(List<HeartRecord> records) {
    float[][] contributions = model.contributions(EncodedSet.unlabeled(encoder, records));
    List<Explanation> explanations = new ArrayList<>(contributions.length);
    for (float[] row : contributions) {
      double[] perField = new double[HeartSchema.FIELD_COUNT];
      for (int column = 0; column < columnField.length; column++) {
        perField[columnField[column]] += row[column];
      }
      explanations.add(new Explanation(perField, row[row.length - 1]));
    }
    return explanations;
  }
}
