package dev.platform.turnstile.stream;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.kafka.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and how the stream job runs: on a Flink cluster when {@code FLINK_REST_URL} names its REST
 * API (the job jar {@code FLINK_JOB_JAR} is uploaded there), else as a local MiniCluster process
 * whose web UI listens on {@code STREAM_REST_PORT} (8081).
 *
 * @param clusterRestUrl the cluster's REST API, or empty for local
 * @param clusterJar the shaded job jar to upload to a cluster
 * @param localRestPort the local MiniCluster's REST port
 * @param lakeUri where the job writes (PLATFORM_LAKE)
 * @param checkpointDir where checkpoints go (STREAM_CHECKPOINT_DIR, default under the home)
 * @param kafka the cluster and topics the job reads and dead-letters to
 * @param extraJobOptions more job options (e.g. {@code --checkpoint-interval 2s})
 * @param lostAfter how long the job's REST API may not answer before the job counts as lost
 */
public record StreamJobSettings(
    Optional<String> clusterRestUrl,
    Path clusterJar,
    int localRestPort,
    String lakeUri,
    String checkpointDir,
    KafkaSettings kafka,
    List<String> extraJobOptions,
    Duration lostAfter) {

  public static final Duration DEFAULT_LOST_AFTER = Duration.ofSeconds(30);

  public StreamJobSettings {
    extraJobOptions = List.copyOf(extraJobOptions);
  }

  public static StreamJobSettings from(PlatformEnvironment env) {
    Path root = Path.of(System.getProperty("platform.root", "."));
    return new StreamJobSettings(
        env.value("FLINK_REST_URL"),
        env.value("FLINK_JOB_JAR")
            .map(Path::of)
            .orElse(root.resolve("flink-jobs/target").resolve(FlinkJobComponent.CLUSTER_JAR)),
        env.value("STREAM_REST_PORT")
            .map(Integer::parseInt)
            .orElse(FlinkJobComponent.DEFAULT_REST_PORT),
        absoluteIfPath(env.lakeUri()),
        env.value("STREAM_CHECKPOINT_DIR")
            .orElse(env.home().resolve("flink").resolve("checkpoints").toAbsolutePath().toString()),
        KafkaSettings.from(env.env()),
        List.of(),
        DEFAULT_LOST_AFTER);
  }

  public boolean local() {
    return clusterRestUrl.isEmpty();
  }

  public String restUrl() {
    return clusterRestUrl.orElse("http://localhost:" + localRestPort);
  }

  /** The job's options; SASL credentials reach it through the environment, never the command. */
  public List<String> jobArgs() {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers()));
    args.addAll(List.of("--topic", kafka.topic(), "--dlq-topic", kafka.dlqTopic()));
    args.addAll(List.of("--lake", lakeUri, "--checkpoint-dir", checkpointDir));
    args.addAll(extraJobOptions);
    return args;
  }

  private static String absoluteIfPath(String uri) {
    return uri.contains(":") ? uri : Path.of(uri).toAbsolutePath().normalize().toString();
  }
}
