package dev.platform.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The turnstile aggregation job on a local MiniCluster, as a process of its own run from the {@code
 * flink-jobs} module's jar and libraries (Flink stays off the CLI's and the worker's class path).
 * Its REST API and web UI listen on {@link #DEFAULT_REST_PORT}.
 */
public final class FlinkJobComponent {
  public static final String NAME = "flink-job";
  public static final int DEFAULT_REST_PORT = 8081;
  public static final String MAIN_CLASS = "dev.platform.flink.turnstile.TurnstileAggregationJob";
  public static final String JOB_NAME = "turnstile-aggregation";
  static final String MODULE = "flink-jobs/target";
  static final String JAR = "flink-jobs-0.1.0-SNAPSHOT.jar";

  /** The shaded jar submitted to a Flink cluster. */
  public static final String CLUSTER_JAR = "turnstile-aggregation-job.jar";

  private FlinkJobComponent() {}

  /** The module's build output under the repository root, if built. */
  public static Optional<Path> buildFolder() {
    Path root = Path.of(System.getProperty("platform.root", "."));
    Path folder = root.resolve(MODULE).toAbsolutePath().normalize();
    return Files.isRegularFile(folder.resolve(JAR)) && Files.isDirectory(folder.resolve("lib"))
        ? Optional.of(folder)
        : Optional.empty();
  }

  /**
   * The job on a local MiniCluster.
   *
   * @param jobArgs the job's own options (lake, checkpoints, restore point); {@code --local} and
   *     the REST port are added here
   */
  public static Component component(
      Path platformHome, int restPort, List<String> jobArgs, Map<String, String> env) {
    Path folder =
        buildFolder()
            .orElseThrow(
                () ->
                    new DevStackException(
                        "the stream job is not built: run ./mvnw -pl flink-jobs -am package"));
    List<String> args = new ArrayList<>(jobArgs);
    args.add("--local");
    args.add("--rest-port");
    args.add(Integer.toString(restPort));
    return new Component(
        NAME,
        MAIN_CLASS,
        args,
        List.of("-Xmx768m"),
        env,
        new Readiness.PortOpen("localhost", restPort),
        Duration.ofSeconds(90),
        "http://localhost:" + restPort + " (Flink web UI)",
        classPath(folder));
  }

  /** A name-only description for {@code dev status} and {@code dev stop}. */
  public static Component managed(Path platformHome) {
    return new Component(
        NAME,
        MAIN_CLASS,
        List.of(),
        List.of(),
        Map.of(),
        new Readiness.PortOpen("localhost", DEFAULT_REST_PORT),
        Duration.ofSeconds(90),
        "http://localhost:" + DEFAULT_REST_PORT + " (Flink web UI; started by TurnstileStream)",
        "");
  }

  private static String classPath(Path folder) {
    List<String> entries = new ArrayList<>();
    entries.add(folder.resolve(JAR).toString());
    try (Stream<Path> libs = Files.list(folder.resolve("lib"))) {
      libs.filter(path -> path.toString().endsWith(".jar"))
          .sorted()
          .forEach(path -> entries.add(path.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder.resolve("lib"), e);
    }
    return String.join(File.pathSeparator, entries);
  }
}
