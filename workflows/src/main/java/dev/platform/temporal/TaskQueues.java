package dev.platform.temporal;

import java.util.List;

/** The platform's task queues; one worker process can serve them all. */
public final class TaskQueues {
  public static final String HEART_TRAINING = "heart-training";
  public static final String TURNSTILE = "turnstile";

  public static final List<String> ALL = List.of(HEART_TRAINING, TURNSTILE);

  private TaskQueues() {}
}
