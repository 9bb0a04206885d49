package dev.platform.ml.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost booster (boosted trees or a random forest), saved in XGBoost's JSON format. It owns
 * the booster's native memory: {@link #close()} frees it once the calls running at that moment have
 * finished (they hold the read lock, closing takes the write lock); closing twice does nothing, and
 * a call after close fails with {@link IllegalStateException}.
 */
public final class XGBoostModel implements TrainedModel {
  static final String FILE_NAME = "model.json";

  private final ModelKind kind;
  private final Booster booster;
  private final Map<String, Object> settings;
  private final int width;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  XGBoostModel(ModelKind kind, Booster booster, Map<String, Object> settings, int width) {
    this.kind = kind;
    this.booster = booster;
    this.settings = settings;
    this.width = width;
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public double[] predict(EncodedSet rows) {
    lock.readLock().lock();
    try {
      checkOpen();
      return XGBoostTrainer.firstColumn(
          booster.inplace_predict(rows.features(), rows.rows(), rows.width(), Float.NaN));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public double predictOne(float[] row) {
    lock.readLock().lock();
    try {
      checkOpen();
      return booster.inplace_predict(row, 1, width, Float.NaN)[0][0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Per-feature contributions (SHAP values, log-odds) of each row; the last column is the bias. */
  public float[][] contributions(EncodedSet rows) {
    lock.readLock().lock();
    try (NativeMatrix matrix = NativeMatrix.of(rows)) {
      checkOpen();
      return booster.predictContrib(matrix.matrix(), 0);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Frees the booster after the calls in flight; later calls fail, a second close does nothing. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        booster.dispose();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(kind.id() + " model is closed; it can no longer predict");
    }
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public String save(Path directory) throws IOException {
    lock.readLock().lock();
    try (OutputStream out = Files.newOutputStream(directory.resolve(FILE_NAME))) {
      checkOpen();
      booster.saveModel(out, "json");
    } catch (XGBoostError e) {
      throw new IOException("cannot save XGBoost model: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
    return FILE_NAME;
  }

  static XGBoostModel load(ModelKind kind, Path file, Map<String, Object> settings, int width)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      Booster booster = XGBoost.loadModel(bytes);
      try {
        // A loaded model serves many small, concurrent requests: one OpenMP thread per call, the
        // callers are the parallelism (OpenMP's team per request otherwise fights the HTTP
        // threads).
        booster.setParam("nthread", 1);
        return new XGBoostModel(kind, booster, settings, width);
      } catch (XGBoostError | RuntimeException e) {
        booster.dispose();
        throw e;
      }
    } catch (XGBoostError e) {
      throw new IOException("cannot load XGBoost model " + file + ": " + e.getMessage(), e);
    }
  }
}
