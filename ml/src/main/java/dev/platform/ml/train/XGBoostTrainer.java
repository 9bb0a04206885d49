package dev.platform.ml.train;

import dev.platform.ml.eval.Roc;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient-boosted trees through xgboost4j. Positives are weighted to balance the classes, and tree
 * depth and the number of rounds are tuned on the validation split (ROC AUC); the study's setting
 * (100 trees of depth 5) is one point of the grid.
 *
 * <p>One booster per depth is grown round by round and scored on validation every {@link
 * TrainingSettings#xgboostRoundStep()} rounds (XGBoost keeps the validation predictions cached, so
 * each evaluation only adds the new trees). The best point's booster is copied when it is reached,
 * so the chosen model is never refitted: a booster grown to N rounds round by round is the booster
 * {@code XGBoost.train(..., N)} gives. Every booster and matrix is disposed here, on every path,
 * except the returned model's, which its {@link XGBoostModel} owns.
 */
public final class XGBoostTrainer implements ModelTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(XGBoostTrainer.class);

  static final double LEARNING_RATE = 0.1;

  private final TrainingSettings settings;

  public XGBoostTrainer() {
    this(TrainingSettings.oneFitAtATime());
  }

  public XGBoostTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  /** The default grid limited to {@code depths} and {@code maxRounds}. */
  public XGBoostTrainer(List<Integer> depths, int maxRounds) {
    this(
        new TrainingSettings(
            depths,
            maxRounds,
            Math.min(25, maxRounds),
            0,
            100,
            Runtime.getRuntime().availableProcessors(),
            1,
            TrainingSettings.DEFAULT_SEED));
  }

  @Override
  public ModelKind kind() {
    return ModelKind.XGBOOST;
  }

  @Override
  public TrainedModel train(EncodedSet train, EncodedSet validation, List<String> columns) {
    // Full balancing (about 10) skews the scores and cost validation AUC in trials; the square
    // root keeps most of the recall gain. Calibration and the tuned threshold do the rest.
    double positiveWeight = Math.sqrt(train.balancingPositiveWeight());
    try (NativeMatrix trainMatrix = NativeMatrix.of(train);
        NativeMatrix validationMatrix = NativeMatrix.of(validation)) {
      GridPoint best = null;
      for (int depth : settings.xgboostDepths()) {
        GridPoint point =
            growDepth(
                trainMatrix.matrix(),
                validationMatrix.matrix(),
                validation.labels(),
                params(depth, positiveWeight));
        if (best == null || point.auc() > best.auc()) {
          best = point;
        }
      }
      LOG.info(
          "xgboost tuned on validation: depth {}, {} rounds, AUC {}",
          best.depth(),
          best.rounds(),
          best.auc());
      Map<String, Object> settingsUsed = new LinkedHashMap<>(params(best.depth(), positiveWeight));
      settingsUsed.put("rounds", best.rounds());
      settingsUsed.put("validation_auc", best.auc());
      Booster model = XGBoost.loadModel(best.model());
      try {
        model.setParam("nthread", settings.threadsPerFit());
        return new XGBoostModel(ModelKind.XGBOOST, model, settingsUsed, train.width());
      } catch (XGBoostError | RuntimeException e) {
        model.dispose();
        throw e;
      }
    } catch (XGBoostError | IOException e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  /** The best evaluated point of one depth, with that booster's serialized model. */
  private record GridPoint(int depth, int rounds, double auc, byte[] model) {}

  private GridPoint growDepth(
      DMatrix train, DMatrix validation, int[] validationLabels, Map<String, Object> params)
      throws XGBoostError {
    int depth = (Integer) params.get("max_depth");
    Booster booster = XGBoost.train(train, params, 0, Map.of("validation", validation), null, null);
    try {
      GridPoint best = null;
      int step = settings.xgboostRoundStep();
      for (int round = 0; round < settings.xgboostMaxRounds(); round++) {
        booster.update(train, round);
        int rounds = round + 1;
        if (rounds % step != 0) {
          continue;
        }
        double auc = Roc.auc(validationLabels, firstColumn(booster.predict(validation)));
        LOG.debug("xgboost depth {} rounds {}: validation AUC {}", depth, rounds, auc);
        if (best == null || auc > best.auc()) {
          best = new GridPoint(depth, rounds, auc, booster.toByteArray("ubj"));
        } else if (settings.xgboostPatienceRounds() > 0
            && rounds - best.rounds() >= settings.xgboostPatienceRounds()) {
          LOG.debug("xgboost depth {}: no better AUC for {} rounds, stopping", depth, rounds);
          break;
        }
      }
      return best;
    } finally {
      booster.dispose();
    }
  }

  private Map<String, Object> params(int depth, double positiveWeight) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("objective", "binary:logistic");
    params.put("eta", LEARNING_RATE);
    params.put("max_depth", depth);
    params.put("scale_pos_weight", positiveWeight);
    params.put("min_child_weight", 5);
    params.put("subsample", 0.8);
    params.put("tree_method", "hist");
    params.put("seed", settings.seed());
    params.put("nthread", settings.threadsPerFit());
    params.put("verbosity", 0);
    return params;
  }

  /** A labelled DMatrix; disposes of the matrix it built when setting the labels fails. */
  static DMatrix matrix(EncodedSet rows) throws XGBoostError {
    DMatrix matrix = new DMatrix(rows.features(), rows.rows(), rows.width(), Float.NaN);
    try {
      if (rows.labels().length > 0 && rows.labels()[0] >= 0) {
        float[] labels = new float[rows.rows()];
        for (int i = 0; i < labels.length; i++) {
          labels[i] = rows.labels()[i];
        }
        matrix.setLabel(labels);
      }
      return matrix;
    } catch (XGBoostError | RuntimeException e) {
      matrix.dispose();
      throw e;
    }
  }

  static double[] firstColumn(float[][] predictions) {
    double[] scores = new double[predictions.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = predictions[i][0];
    }
    return scores;
  }
}
