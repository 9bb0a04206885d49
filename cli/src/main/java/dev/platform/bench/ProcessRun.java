package dev.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One whole process, timed from start to exit, with its peak resident memory (the kernel's high
 * water mark, {@code VmHWM}, read while it runs).
 *
 * @param exitCode the process's exit code
 * @param seconds wall time
 * @param peakRssMb peak resident set size in MB
 */
public record ProcessRun(int exitCode, double seconds, double peakRssMb) {
  private static final Duration POLL = Duration.ofMillis(50);

  /** Runs {@code command} with {@code env} added, its output to {@code log}, and measures it. */
  public static ProcessRun measure(List<String> command, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    long peakKb = 0;
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    while (process.isAlive()) {
      peakKb = Math.max(peakKb, highWaterMarkKb(status));
      Thread.sleep(POLL.toMillis());
    }
    int exit = process.waitFor();
    return new ProcessRun(exit, (System.nanoTime() - start) / 1e9, peakKb / 1024.0);
  }

  private static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended between the check and the read
    }
    return 0;
  }
}
