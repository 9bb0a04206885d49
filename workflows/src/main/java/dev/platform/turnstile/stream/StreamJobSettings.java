package dev.platform.turnstile.stream;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.devstack.FlinkJobComponent;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stream job runs: a Flink cluster when {@code FLINK_REST_URL} names its REST API (the
 * job jar {@code FLINK_JOB_JAR} is uploaded there), else a local MiniCluster process whose web UI
 * listens on {@code STREAM_REST_PORT} (8081).
 *
 * @param clusterRestUrl the cluster's REST API, or empty for local
 * @param clusterJar the shaded job jar to upload to a cluster
 * @param localRestPort the local MiniCluster's REST port
 * @param lakeUri where the job writes (PLATFORM_LAKE)
 * @param checkpointDir where checkpoints go (STREAM_CHECKPOINT_DIR, default under the home)
 */
public record StreamJobSettings(
    Optional<String> clusterRestUrl,
    Path clusterJar,
    int localRestPort,
    String lakeUri,
    String checkpointDir) {

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
            .orElse(
                env.home().resolve("flink").resolve("checkpoints").toAbsolutePath().toString()));
  }

  public boolean local() {
    return clusterRestUrl.isEmpty();
  }

  public String restUrl() {
    return clusterRestUrl.orElse("http://localhost:" + localRestPort);
  }

  private static String absoluteIfPath(String uri) {
    return uri.contains(":") ? uri : Path.of(uri).toAbsolutePath().normalize().toString();
  }
}
