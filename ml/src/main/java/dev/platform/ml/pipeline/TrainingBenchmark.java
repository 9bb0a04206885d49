package dev.platform.ml.pipeline;

import dev.platform.ml.train.ModelKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures each model's training: wall time and peak Java heap while it trains (XGBoost's native
 * memory is outside the heap and not counted), plus its test metrics.
 */
public final class TrainingBenchmark {
  /** One model's figures. */
  public record Row(String model, double seconds, double peakHeapMb, Candidate candidate) {}

  private TrainingBenchmark() {}

  /** Trains the four models one after the other, measuring each (see {@code bench train}). */
  public static List<Row> run(PreparedData data) {
    List<Row> rows = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      System.gc();
      List<MemoryPoolMXBean> heapPools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP)
              .toList();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      Candidate candidate = ModelEvaluator.trainAndEvaluate(data, kind);
      long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      rows.add(
          new Row(kind.id(), candidate.report().trainSeconds(), peak / (1024.0 * 1024), candidate));
    }
    return rows;
  }
}
