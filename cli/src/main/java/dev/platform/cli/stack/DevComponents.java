package dev.platform.cli.stack;

import dev.platform.devstack.Component;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.devstack.Readiness;
import dev.platform.devstack.StackHome;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.metrics.MetricsSettings;
import dev.platform.metrics.WorkerMetrics;
import dev.platform.schedules.PlatformSchedules;
import dev.platform.temporal.TaskQueues;
import dev.platform.temporal.TemporalSettings;
import dev.platform.worker.WorkerMain;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The components of the local stack, in start order: Temporal, Kafka, the risk API (when its jar is
 * built), the worker. Add new components (the Flink job) to {@link #standard}.
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
   * The stack; the local Temporal server is left out when {@code TEMPORAL_ADDRESS} names a server,
   * the local Kafka broker when {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster.
   */
  public static List<Component> standard(
      Path platformHome, TemporalSettings settings, int temporalPort) {
    return standard(
        platformHome,
        settings,
        temporalPort,
        KafkaSettings.fromEnvironment(),
        KafkaComponent.DEFAULT_PORT,
        KafkaComponent.DEFAULT_CONTROLLER_PORT);
  }

  /** The stack with these Temporal and Kafka settings and local ports. */
  public static List<Component> standard(
      Path platformHome,
      TemporalSettings settings,
      int temporalPort,
      KafkaSettings kafka,
      int kafkaPort,
      int kafkaControllerPort) {
    List<Component> components = new ArrayList<>();
    String temporalAddress = settings.address();
    if (!settings.addressConfigured()) {
      components.add(temporal(temporalPort));
      temporalAddress = "localhost:" + temporalPort;
    }
    String kafkaServers = kafka.bootstrapServers();
    if (!kafka.bootstrapConfigured()) {
      components.add(KafkaComponent.component(platformHome, kafkaPort, kafkaControllerPort));
      kafkaServers = "localhost:" + kafkaPort;
    }
    Optional<String> apiUrl = Optional.empty();
    String apiKey = "";
    if (ApiComponent.jar().isPresent()) {
      apiKey = ApiComponent.apiKey(platformHome);
      components.add(
          ApiComponent.component(
              platformHome, ApiComponent.DEFAULT_PORT, Optional.empty(), apiKey));
      apiUrl = Optional.of("http://localhost:" + ApiComponent.DEFAULT_PORT);
    }
    Component worker = worker(platformHome, temporalAddress, apiUrl, apiKey);
    components.add(withEnv(worker, "KAFKA_BOOTSTRAP_SERVERS", kafkaServers));
    return List.copyOf(components);
  }

  /**
   * The components {@code dev stop} and {@code dev status} look after: the standard stack, plus a
   * local Temporal server that an earlier start made before {@code TEMPORAL_ADDRESS} was set.
   */
  public static List<Component> managed(Path platformHome, TemporalSettings settings) {
    List<Component> components = new ArrayList<>();
    for (Component component : standard(platformHome, settings)) {
      // the broker may have been started on other ports (kafka start --port)
      components.add(
          component.name().equals(KafkaComponent.NAME)
              ? KafkaComponent.lastStarted(platformHome)
              : component);
    }
    StackHome home = new StackHome(platformHome);
    if (settings.addressConfigured() && home.hasPidFile(TEMPORAL)) {
      components.add(0, temporal(TEMPORAL_PORT));
    }
    // a local broker that an earlier start made before KAFKA_BOOTSTRAP_SERVERS was set
    if (KafkaSettings.fromEnvironment().bootstrapConfigured()
        && home.hasPidFile(KafkaComponent.NAME)) {
      int afterTemporal = components.get(0).name().equals(TEMPORAL) ? 1 : 0;
      components.add(afterTemporal, KafkaComponent.lastStarted(platformHome));
    }
    // started by the TurnstileStream workflow's activity, stopped first
    components.add(FlinkJobComponent.managed(platformHome));
    return List.copyOf(components);
  }

  private static Component withEnv(Component component, String name, String value) {
    Map<String, String> env = new HashMap<>(component.env());
    env.put(name, value);
    return new Component(
        component.name(),
        component.mainClass(),
        component.args(),
        component.jvmOptions(),
        env,
        component.readiness(),
        component.timeout(),
        component.where(),
        component.classPath(),
        component.metrics());
  }

  /** Temporal's test server: a real gRPC server that keeps everything in memory. */
  public static Component temporal(int port) {
    return new Component(
        TEMPORAL,
        DevStack.TEMPORAL_SERVER_MAIN,
        List.of(Integer.toString(port)),
        List.of("-Xmx512m"),
        Map.of(),
        new Readiness.PortOpen("localhost", port),
        Duration.ofSeconds(30),
        "grpc localhost:" + port);
  }

  /** {@code platform worker}, which creates {@code run/worker.ready} once it polls. */
  public static Component worker(Path platformHome, String temporalAddress) {
    return worker(platformHome, temporalAddress, Optional.empty(), "");
  }

  /** The worker; with an API, a promoted model makes it reload. */
  public static Component worker(
      Path platformHome, String temporalAddress, Optional<String> apiUrl, String apiKey) {
    Path home = platformHome.toAbsolutePath().normalize();
    Map<String, String> env = new HashMap<>();
    env.put("PLATFORM_HOME", home.toString());
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    env.put("PLATFORM_HEART_SOURCE", PlatformSchedules.heartSourceFromEnvironment());
    apiUrl.ifPresent(
        url -> {
          env.put("PLATFORM_API_URL", url);
          env.put("PLATFORM_API_KEY", apiKey);
        });
    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add("-Djava.awt.headless=true");
    jvmOptions.addAll(heapOptions());
    return new Component(
            WORKER,
            "dev.platform.cli.PlatformCommand",
            List.of("worker"),
            jvmOptions,
            env,
            new Readiness.FileExists(home.resolve(WorkerMain.READY_FILE)),
            Duration.ofSeconds(60),
            "task queues " + String.join(", ", TaskQueues.ALL) + " on " + temporalAddress)
        .withMetrics(workerMetricsUrl());
  }

  /** Where the worker serves its metrics, from {@code PLATFORM_WORKER_METRICS_PORT}. */
  private static String workerMetricsUrl() {
    MetricsSettings settings = MetricsSettings.fromEnvironment();
    if (settings.port().isEmpty() || settings.port().getAsInt() == 0) {
      return "";
    }
    return "http://localhost:" + settings.port().getAsInt() + WorkerMetrics.PATH;
  }

  /** The worker trains models, so it gets the heap limit the CLI was given (PLATFORM_JAVA_OPTS). */
  private static List<String> heapOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-Xmx"))
        .toList();
  }
}
