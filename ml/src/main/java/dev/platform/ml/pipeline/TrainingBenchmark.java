package dev.platform.ml.pipeline;

import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
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

  /**
   * The whole in-process run ({@link TrainingRun}) with each step's wall-clock time, the process's
   * CPU time and its peak resident memory: {@code java -cp ... dev.platform.ml.pipeline.
   * TrainingBenchmark DATA OUT [threadsPerFit parallelFits]}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TrainingBenchmark DATA OUT [threadsPerFit parallelFits]");
      System.exit(2);
    }
    TrainingSettings settings = TrainingSettings.defaults();
    if (args.length >= 4) {
      settings =
          settings
              .withThreadsPerFit(Integer.parseInt(args[2]))
              .withParallelFits(Integer.parseInt(args[3]));
    }
    long start = System.nanoTime();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    System.out.printf(
        "settings: %s; JVM up %.2f s before main%n",
        settings, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    try (TrainingRun.Outcome outcome =
        TrainingRun.run(
            args[0],
            java.nio.file.Path.of(args[1]),
            settings,
            line ->
                System.out.printf(
                    "%7.2f s  cpu %6.2f s  %s%n",
                    (System.nanoTime() - start) / 1e9,
                    (os.getProcessCpuTime() - cpuStart) / 1e9,
                    line))) {
      System.out.print(
          dev.platform.ml.report.ReportWriter.comparisonTable(
              outcome.bundle().manifest().models().values()));
    }
    System.out.printf(
        "total %.2f s wall, %.2f s cpu in main; peak RSS %s%n",
        (System.nanoTime() - start) / 1e9,
        (os.getProcessCpuTime() - cpuStart) / 1e9,
        peakResident());
  }

  /** VmHWM of /proc/self/status (Linux), or "unknown". */
  static String peakResident() throws java.io.IOException {
    java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
    if (!java.nio.file.Files.isReadable(status)) {
      return "unknown";
    }
    return java.nio.file.Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmHWM:"))
        .map(line -> line.substring("VmHWM:".length()).strip())
        .findFirst()
        .orElse("unknown");
  }

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
