package dev.platform.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, stops and reports the local stack: components as detached child JVMs, started in order
 * and stopped in reverse, each tracked by its pid file under the platform home.
 */
public final class DevStack {
  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
  static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int LOG_TAIL_LINES = 20;

  private final StackHome home;
  private final List<Component> components;
  private final ComponentLauncher launcher;

  public DevStack(Path platformHome, List<Component> components) {
    this.home = new StackHome(platformHome);
    this.components = List.copyOf(components);
    this.launcher = new ComponentLauncher(home);
  }

  public List<Component> components() {
    return components;
  }

  public StackHome home() {
    return home;
  }

  /**
   * Starts every component that does not run yet, in order, waiting for each to be ready.
   *
   * @param progress receives one line per step, for people
   * @throws DevStackException when a component fails to start or get ready; the components this
   *     call started are stopped again
   */
  public StartResult start(Consumer<String> progress) {
    List<String> started = new ArrayList<>();
    for (Component component : components) {
      ComponentStatus status = status(component);
      if (status.running()) {
        progress.accept(
            component.name() + ": already running (pid " + status.pid().getAsLong() + ")");
        continue;
      }
      if (status.state() == ComponentState.STALE) {
        progress.accept(
            component.name() + ": removing stale pid file (" + describePid(status.pid()) + ")");
        home.deletePid(component.name());
      }
      try {
        startOne(component, progress);
        started.add(component.name());
      } catch (RuntimeException e) {
        List<String> toStop = new ArrayList<>(started);
        toStop.add(component.name());
        stopStarted(toStop);
        throw e;
      }
    }
    return new StartResult(started, status());
  }

  private void startOne(Component component, Consumer<String> progress) {
    if (component.readiness() instanceof Readiness.PortOpen port && !Ports.isFree(port.port())) {
      throw new DevStackException(
          "cannot start "
              + component.name()
              + ": port "
              + port.port()
              + " is already in use by a process the dev stack did not start"
              + portHint(component));
    }
    // a ready file left behind by a killed run would make the new process look ready at once
    if (component.readiness() instanceof Readiness.FileExists file) {
      StackHome.deleteIfExists(file.file());
    }
    progress.accept(component.name() + ": starting (" + component.where() + ")");
    long begin = System.nanoTime();
    Process process = launcher.launch(component);
    home.writePid(component.name(), process.pid());
    waitUntilReady(component, process);
    progress.accept(
        String.format(
            "%s: ready in %.1f s (pid %d)",
            component.name(), (System.nanoTime() - begin) / 1e9, process.pid()));
  }

  /** The local Temporal server's main class (its port may be a Temporal server the user runs). */
  public static final String TEMPORAL_SERVER_MAIN = "io.temporal.testserver.TestServer";

  private static String portHint(Component component) {
    return component.mainClass().equals(TEMPORAL_SERVER_MAIN)
        ? "; stop that process, or if it is a Temporal server, use it by setting TEMPORAL_ADDRESS"
        : "; stop that process first";
  }

  private void waitUntilReady(Component component, Process process) {
    long deadline = System.nanoTime() + component.timeout().toNanos();
    while (!component.readiness().isReady()) {
      if (!process.isAlive()) {
        home.deletePid(component.name());
        throw failure(
            component, "exited with code " + process.exitValue() + " before it was ready");
      }
      if (System.nanoTime() > deadline) {
        throw failure(
            component,
            "not ready after "
                + component.timeout().toSeconds()
                + " s (waiting for "
                + component.readiness()
                + ")");
      }
      sleep(POLL);
    }
  }

  private DevStackException failure(Component component, String reason) {
    StringBuilder message =
        new StringBuilder(component.name())
            .append(' ')
            .append(reason)
            .append("; last lines of ")
            .append(home.logFile(component.name()))
            .append(':');
    List<String> tail = home.logTail(component.name(), LOG_TAIL_LINES);
    if (tail.isEmpty()) {
      message.append(System.lineSeparator()).append("  (empty)");
    }
    tail.forEach(line -> message.append(System.lineSeparator()).append("  ").append(line));
    return new DevStackException(message.toString());
  }

  /** Stops what a failed start started, the failing component included, in reverse order. */
  private void stopStarted(List<String> names) {
    List<Component> toStop =
        components.stream().filter(component -> names.contains(component.name())).toList();
    for (int i = toStop.size() - 1; i >= 0; i--) {
      try {
        stop(toStop.get(i));
      } catch (RuntimeException e) {
        LOG.warn("could not stop {} after a failed start", toStop.get(i).name(), e);
      }
    }
  }

  /** Stops every component, in reverse order, and removes their pid files. */
  public List<StopResult> stop() {
    List<StopResult> results = new ArrayList<>();
    for (int i = components.size() - 1; i >= 0; i--) {
      results.add(stop(components.get(i)));
    }
    return results;
  }

  private StopResult stop(Component component) {
    ComponentStatus status = status(component);
    OptionalLong pid = status.pid();
    StopResult.Outcome outcome =
        switch (status.state()) {
          case STOPPED -> StopResult.Outcome.NOT_RUNNING;
          case STALE -> StopResult.Outcome.STALE_PID_REMOVED;
          case RUNNING -> terminate(ProcessHandle.of(pid.getAsLong()).orElseThrow());
        };
    home.deletePid(component.name());
    if (component.readiness() instanceof Readiness.FileExists file) {
      StackHome.deleteIfExists(file.file());
    }
    LOG.info("{}: {}", component.name(), outcome);
    return new StopResult(component.name(), pid, outcome);
  }

  private static StopResult.Outcome terminate(ProcessHandle process) {
    process.destroy();
    if (awaitExit(process, STOP_GRACE)) {
      return StopResult.Outcome.STOPPED;
    }
    process.destroyForcibly();
    if (!awaitExit(process, KILL_WAIT)) {
      throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL");
    }
    return StopResult.Outcome.KILLED;
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Every component's state, in start order. */
  public List<ComponentStatus> status() {
    return components.stream().map(this::status).toList();
  }

  private ComponentStatus status(Component component) {
    Path log = home.logFile(component.name());
    if (!home.hasPidFile(component.name())) {
      return new ComponentStatus(component, ComponentState.STOPPED, OptionalLong.empty(), log);
    }
    OptionalLong pid = home.readPid(component.name());
    boolean running = pid.isPresent() && process(component, pid.getAsLong()).isPresent();
    return new ComponentStatus(
        component, running ? ComponentState.RUNNING : ComponentState.STALE, pid, log);
  }

  /** The live process with this pid, if it is still this component (pids get reused). */
  static Optional<ProcessHandle> process(Component component, long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            handle -> handle.info().commandLine().orElse("").contains(component.marker() + " "));
  }

  private static String describePid(OptionalLong pid) {
    return pid.isPresent()
        ? "pid " + pid.getAsLong() + " is gone or is another program"
        : "no pid in it";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevStackException("interrupted while waiting for a component");
    }
  }
}
