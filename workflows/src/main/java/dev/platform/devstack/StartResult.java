package dev.platform.devstack;

import java.util.List;

/**
 * The outcome of {@link DevStack#start}.
 *
 * @param started names of the components this call started
 * @param statuses every component's status afterwards
 */
public record StartResult(List<String> started, List<ComponentStatus> statuses) {
  public StartResult {
    started = List.copyOf(started);
    statuses = List.copyOf(statuses);
  }

  /** Nothing needed starting: every component already ran. */
  public boolean alreadyRunning() {
    return started.isEmpty();
  }
}
