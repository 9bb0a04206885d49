package dev.platform.turnstile.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.turnstile.stream.StreamTypes.JobOutcome;
import dev.platform.turnstile.stream.StreamTypes.RunningJob;
import dev.platform.turnstile.stream.StreamTypes.StreamJobRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and watches the aggregation job. Locally the job is a dev-stack component (pid file and
 * log under the platform home, so {@code dev stop} stops it); on a cluster it is submitted through
 * the REST API. A job already running under the job's name is adopted, never started twice.
 */
public class TurnstileStreamActivitiesImpl implements TurnstileStreamActivities {
  private static final Logger LOG = LoggerFactory.getLogger(TurnstileStreamActivitiesImpl.class);
  static final Duration POLL = Duration.ofSeconds(5);

  private static final Duration JOB_APPEARS = Duration.ofSeconds(60);

  private final Path platformHome;
  private final StreamJobSettings settings;

  public TurnstileStreamActivitiesImpl(Path platformHome, StreamJobSettings settings) {
    this.platformHome = platformHome;
    this.settings = settings;
  }

  @Override
  public RunningJob start(StreamJobRequest request, Optional<String> restoreFrom) {
    FlinkRestClient rest = new FlinkRestClient(settings.restUrl());
    try {
      Optional<String> running = reachable(rest) ? rest.activeJob(jobName()) : Optional.empty();
      if (running.isPresent()) {
        return new RunningJob(rest.baseUrl(), running.get(), settings.local(), true);
      }
      return settings.local() ? startLocal(rest, restoreFrom) : submit(rest, restoreFrom);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the stream job: " + e.getMessage(), e);
    }
  }

  private RunningJob startLocal(FlinkRestClient rest, Optional<String> restoreFrom)
      throws IOException {
    List<String> args = new ArrayList<>(jobArgs());
    restoreFrom.ifPresent(
        point -> {
          args.add("--from-checkpoint");
          args.add(point);
        });
    DevStack stack =
        new DevStack(
            platformHome,
            List.of(
                FlinkJobComponent.component(
                    platformHome, settings.localRestPort(), args, Map.of())));
    stack.start(line -> LOG.info("{}", line));
    return new RunningJob(rest.baseUrl(), awaitJob(rest), true, false);
  }

  private RunningJob submit(FlinkRestClient rest, Optional<String> restoreFrom) throws IOException {
    if (!Files.isRegularFile(settings.clusterJar())) {
      throw new StreamJobException(
          "the job jar "
              + settings.clusterJar()
              + " does not exist: build it (./mvnw -pl flink-jobs -am package) or set FLINK_JOB_JAR");
    }
    String jarId = rest.uploadJar(settings.clusterJar());
    String jobId = rest.runJar(jarId, jobArgs(), restoreFrom);
    return new RunningJob(rest.baseUrl(), jobId, false, false);
  }

  private List<String> jobArgs() {
    return settings.jobArgs();
  }

  private String awaitJob(FlinkRestClient rest) throws IOException {
    long deadline = System.nanoTime() + JOB_APPEARS.toNanos();
    while (System.nanoTime() < deadline) {
      if (reachable(rest)) {
        Optional<String> job = rest.activeJob(jobName());
        if (job.isPresent()) {
          return job.get();
        }
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IOException("the local job did not show up at " + rest.baseUrl());
  }

  @Override
  public JobOutcome watch(RunningJob job) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    FlinkRestClient rest = new FlinkRestClient(job.restUrl());
    long unreachableSince = 0;
    while (true) {
      try {
        JsonNode details = rest.job(job.jobId());
        unreachableSince = 0;
        String state = details.path("state").asText();
        context.heartbeat(FlinkRestClient.describe(details));
        if (state.equals("FAILED") || state.equals("CANCELED") || state.equals("FINISHED")) {
          return new JobOutcome(state, FlinkRestClient.describe(details));
        }
      } catch (IOException e) {
        long now = System.nanoTime();
        unreachableSince = unreachableSince == 0 ? now : unreachableSince;
        context.heartbeat("REST API unreachable: " + e.getMessage());
        if (now - unreachableSince > settings.lostAfter().toNanos()) {
          return new JobOutcome(
              JobOutcome.LOST,
              "no answer from "
                  + job.restUrl()
                  + " for "
                  + settings.lostAfter().toSeconds()
                  + " s");
        }
      }
      sleep(POLL);
    }
  }

  @Override
  public Optional<String> latestCheckpoint(RunningJob job) {
    FlinkRestClient rest = new FlinkRestClient(job.restUrl());
    try {
      if (reachable(rest)) {
        Optional<String> fromApi = rest.latestCheckpoint(job.jobId());
        if (fromApi.isPresent()) {
          return fromApi;
        }
      }
    } catch (IOException e) {
      LOG.info("no checkpoint from the REST API: {}", e.getMessage());
    }
    return job.local()
        ? newestLocalCheckpoint(Path.of(settings.checkpointDir()))
        : Optional.empty();
  }

  /** The newest {@code <dir>/<job>/chk-N} holding {@code _metadata}: a complete checkpoint. */
  static Optional<String> newestLocalCheckpoint(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    try (Stream<Path> metadata =
        Files.find(checkpointDir, 3, StreamJobFiles::isCheckpointMetadata)) {
      return metadata
          .max(Comparator.comparing(StreamJobFiles::modified))
          .map(file -> file.getParent().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean reachable(FlinkRestClient rest) {
    try {
      rest.activeJob(jobName());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String jobName() {
    return FlinkJobComponent.JOB_NAME;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
