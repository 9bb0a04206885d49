package dev.platform.turnstile.stream;

import java.util.Optional;

/** The values the stream workflow and its activities exchange. */
public final class StreamTypes {
  private StreamTypes() {}

  /**
   * How to run the job.
   *
   * @param maxRestarts restarts after failures before the workflow gives up
   * @param restoreFrom a checkpoint or savepoint to start from, or empty for the committed offsets
   */
  public record StreamJobRequest(int maxRestarts, Optional<String> restoreFrom) {
    public static StreamJobRequest defaults() {
      return new StreamJobRequest(20, Optional.empty());
    }
  }

  /**
   * A job that runs.
   *
   * @param restUrl the Flink REST API (and web UI) serving it
   * @param jobId Flink's job id
   * @param local true for the MiniCluster process the platform started
   * @param reused true when a running job was found and adopted rather than started
   */
  public record RunningJob(String restUrl, String jobId, boolean local, boolean reused) {}

  /** How a watch ended: the job's terminal state (or LOST when its REST API went away). */
  public record JobOutcome(String state, String detail) {
    public static final String LOST = "LOST";

    public boolean finishedOnPurpose() {
      return state.equals("FINISHED") || state.equals("CANCELED");
    }
  }
}
