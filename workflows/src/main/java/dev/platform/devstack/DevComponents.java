package dev.platform.devstack;

import dev.platform.schedules.PlatformSchedules;
import dev.platform.temporal.TaskQueues;
import dev.platform.temporal.TemporalSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The components of the local stack, in start order. Add new components (Kafka, the API, the Flink
 * job) to {@link #standard}.
 */
public final class DevComponents {
  public static final String TEMPORAL = "temporal";
  public static final String WORKER = "worker";
  public static final int TEMPORAL_PORT = 7233;

  private DevComponents() {}

  /** The stack with the local Temporal server on its usual port. */
  public static List<Component> standard(Path platformHome, TemporalSettings settings) {
    return standard(platformHome, settings, TEMPORAL_PORT);
  }

  /**
   * The stack; the local Temporal server is left out when {@code TEMPORAL_ADDRESS} names a server.
   */
  public static List<Component> standard(
      Path platformHome, TemporalSettings settings, int temporalPort) {
    List<Component> components = new ArrayList<>();
    String temporalAddress = settings.address();
    if (!settings.addressConfigured()) {
      components.add(temporal(temporalPort));
      temporalAddress = "localhost:" + temporalPort;
    }
    components.add(worker(platformHome, temporalAddress));
    return List.copyOf(components);
  }

  /**
   * The components {@code dev stop} and {@code dev status} look after: the standard stack, plus a
   * local Temporal server that an earlier start made before {@code TEMPORAL_ADDRESS} was set.
   */
  public static List<Component> managed(Path platformHome, TemporalSettings settings) {
    List<Component> components = new ArrayList<>(standard(platformHome, settings));
    if (settings.addressConfigured() && new StackHome(platformHome).hasPidFile(TEMPORAL)) {
      components.add(0, temporal(TEMPORAL_PORT));
    }
    return List.copyOf(components);
  }

  /** Temporal's test server: a real gRPC server that keeps everything in memory. */
  public static Component temporal(int port) {
    return new Component(
        TEMPORAL,
        "io.temporal.testserver.TestServer",
        List.of(Integer.toString(port)),
        List.of("-Xmx512m"),
        Map.of(),
        new Readiness.PortOpen("localhost", port),
        Duration.ofSeconds(30),
        "grpc localhost:" + port);
  }

  /** {@code platform worker}, which creates {@code run/worker.ready} once it polls. */
  public static Component worker(Path platformHome, String temporalAddress) {
    Path home = platformHome.toAbsolutePath().normalize();
    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add("-Djava.awt.headless=true");
    jvmOptions.addAll(heapOptions());
    return new Component(
        WORKER,
        "dev.platform.cli.PlatformCommand",
        List.of("worker"),
        jvmOptions,
        Map.of(
            "PLATFORM_HOME",
            home.toString(),
            "TEMPORAL_ADDRESS",
            temporalAddress,
            "PLATFORM_HEART_SOURCE",
            PlatformSchedules.heartSourceFromEnvironment()),
        new Readiness.FileExists(home.resolve("run").resolve("worker.ready")),
        Duration.ofSeconds(60),
        "task queues " + String.join(", ", TaskQueues.ALL) + " on " + temporalAddress);
  }

  /** The worker trains models, so it gets the heap limit the CLI was given (PLATFORM_JAVA_OPTS). */
  private static List<String> heapOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-Xmx"))
        .toList();
  }
}
