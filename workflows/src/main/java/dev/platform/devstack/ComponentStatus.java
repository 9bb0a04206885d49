package dev.platform.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One component's state, with its recorded pid (if any) and log file. */
public record ComponentStatus(
    Component component, ComponentState state, OptionalLong pid, Path logFile) {

  public String name() {
    return component.name();
  }

  public boolean running() {
    return state == ComponentState.RUNNING;
  }
}
