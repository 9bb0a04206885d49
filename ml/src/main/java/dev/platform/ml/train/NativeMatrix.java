package dev.platform.ml.train;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Owns a DMatrix for a try-with-resources block: its native memory is freed when it closes. */
record NativeMatrix(DMatrix matrix) implements AutoCloseable {
  static NativeMatrix of(EncodedSet rows) throws XGBoostError {
    return new NativeMatrix(XGBoostTrainer.matrix(rows));
  }

  @Override
  public void close() {
    matrix.dispose();
  }
}
