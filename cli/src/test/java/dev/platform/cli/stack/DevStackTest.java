package dev.platform.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.devstack.Component;
import dev.platform.devstack.ComponentState;
import dev.platform.devstack.ComponentStatus;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.DevStackException;
import dev.platform.devstack.Ports;
import dev.platform.devstack.Readiness;
import dev.platform.devstack.StartResult;
import dev.platform.devstack.StopResult;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.temporal.TemporalSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack manager with the real Temporal test server as a child process on a free port. */
class DevStackTest {
  @TempDir Path home;
  int port;
  DevStack stack;
  final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() {
    port = Ports.findFree();
    stack = new DevStack(home, List.of(DevComponents.temporal(port)));
  }

  @AfterEach
  void stopEverything() {
    try {
      stack.stop();
    } finally {
      killLeftovers();
    }
  }

  /** In case stopping failed: the components are children of this JVM. */
  static void killLeftovers() {
    ProcessHandle.current()
        .children()
        .filter(
            child -> child.info().commandLine().orElse("").contains("-Dplatform.dev.component="))
        .forEach(ProcessHandle::destroyForcibly);
  }

  static String commandLine(long pid) throws IOException {
    return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
  }

  @Test
  void startsTemporalAsADetachedProcessThenStopsIt() throws IOException {
    StartResult first = stack.start(progress::add);

    assertEquals(List.of("temporal"), first.started());
    ComponentStatus temporal = first.statuses().get(0);
    assertEquals(ComponentState.RUNNING, temporal.state());
    long pid = temporal.pid().orElseThrow();
    assertEquals(
        Long.toString(pid), Files.readString(home.resolve("run/temporal.pid")).strip(), "pid file");
    assertTrue(Files.isRegularFile(home.resolve("logs/temporal.log")), "log file");
    assertTrue(new Readiness.PortOpen("localhost", port).isReady(), "grpc port accepts");
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    String commandLine = commandLine(pid);
    assertTrue(commandLine.contains("io.temporal.testserver.TestServer " + port), commandLine);
    assertTrue(commandLine.contains("-Dplatform.dev.component=temporal"), commandLine);
    assertTrue(
        progress.stream().anyMatch(line -> line.startsWith("temporal: ready in")),
        progress.toString());

    List<ComponentStatus> status = stack.status();
    assertEquals(ComponentState.RUNNING, status.get(0).state());
    assertEquals(OptionalLong.of(pid), status.get(0).pid());
    assertEquals("grpc localhost:" + port, status.get(0).component().where());

    progress.clear();
    StartResult second = stack.start(progress::add);
    assertTrue(second.alreadyRunning());
    assertEquals(List.of("temporal: already running (pid " + pid + ")"), progress);
    assertEquals(OptionalLong.of(pid), second.statuses().get(0).pid(), "same process");

    List<StopResult> stopped = stack.stop();
    assertEquals(StopResult.Outcome.STOPPED, stopped.get(0).outcome());
    assertFalse(process.isAlive(), "process ended");
    assertTrue(Ports.isFree(port), "port free after stop");
    assertFalse(Files.exists(home.resolve("run/temporal.pid")), "pid file removed");
    assertEquals(ComponentState.STOPPED, stack.status().get(0).state());
    assertEquals(StopResult.Outcome.NOT_RUNNING, stack.stop().get(0).outcome());
  }

  @Test
  void runsInItsOwnSessionSoAClosingTerminalDoesNotHangItUp() throws IOException {
    long pid = stack.start(progress::add).statuses().get(0).pid().orElseThrow();
    // field 6 of /proc/<pid>/stat is the session id; setsid makes the component its leader
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    assertEquals(Long.toString(pid), fields[3], "session id of " + stat);
  }

  @Test
  void aStalePidFileIsCleanedAndTheComponentStarted() throws Exception {
    // this test JVM is alive but is not the temporal component: a reused pid
    Files.createDirectories(home.resolve("run"));
    Files.writeString(home.resolve("run/temporal.pid"), ProcessHandle.current().pid() + "\n");
    assertEquals(ComponentState.STALE, stack.status().get(0).state());

    StartResult result = stack.start(progress::add);

    assertTrue(
        progress.get(0).startsWith("temporal: removing stale pid file"), progress.toString());
    assertEquals(List.of("temporal"), result.started());
    long pid = result.statuses().get(0).pid().orElseThrow();
    assertTrue(pid != ProcessHandle.current().pid());
    assertEquals(ComponentState.RUNNING, stack.status().get(0).state());
  }

  @Test
  void stopLeavesAProcessAloneWhosePidWasReused() throws IOException {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      Files.createDirectories(home.resolve("run"));
      Files.writeString(home.resolve("run/temporal.pid"), other.pid() + "\n");

      StopResult result = stack.stop().get(0);

      assertEquals(StopResult.Outcome.STALE_PID_REMOVED, result.outcome());
      assertTrue(other.isAlive(), "an unrelated process must survive");
      assertFalse(Files.exists(home.resolve("run/temporal.pid")));
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aPortInUseIsReportedBeforeStarting() throws IOException {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(port));

      DevStackException error =
          assertThrows(DevStackException.class, () -> stack.start(progress::add));

      assertTrue(
          error
              .getMessage()
              .startsWith("cannot start temporal: port " + port + " is already in use"),
          error.getMessage());
      assertTrue(error.getMessage().contains("TEMPORAL_ADDRESS"), error.getMessage());
      assertFalse(Files.exists(home.resolve("run/temporal.pid")));
    }
  }

  @Test
  void aComponentThatDiesShowsItsLogAndWhatStartedBeforeItIsStopped() {
    Component crashing =
        new Component(
            "crashing",
            CrashingMain.class.getName(),
            List.of("no", "config"),
            List.of(),
            Map.of(),
            new Readiness.FileExists(home.resolve("run/crashing.ready")),
            Duration.ofSeconds(30),
            "nothing");
    stack = new DevStack(home, List.of(DevComponents.temporal(port), crashing));

    DevStackException error =
        assertThrows(DevStackException.class, () -> stack.start(progress::add));

    assertTrue(error.getMessage().startsWith("crashing exited with code 3"), error.getMessage());
    assertTrue(
        error.getMessage().contains("crashing on purpose: no config"),
        "log tail: " + error.getMessage());
    assertTrue(Ports.isFree(port), "temporal, started first, was stopped again");
    assertEquals(
        List.of(ComponentState.STOPPED, ComponentState.STOPPED),
        stack.status().stream().map(ComponentStatus::state).toList());
  }

  @Test
  void theStandardStackLeavesTemporalOutWhenAnAddressIsConfigured() {
    List<Component> local =
        DevComponents.standard(
            home, TemporalSettings.from(Map.of()), port, KafkaSettings.from(Map.of()), 9192, 9193);
    assertEquals(
        List.of("temporal", "kafka", "worker"), local.stream().map(Component::name).toList());
    Component kafka = local.get(1);
    assertEquals(
        new Readiness.FileExists(home.toAbsolutePath().resolve("kafka/ready")), kafka.readiness());
    assertTrue(kafka.classPath().contains("broker-lib"), kafka.classPath());
    Component worker = local.get(2);
    assertEquals("localhost:9192", worker.env().get("KAFKA_BOOTSTRAP_SERVERS"));
    assertEquals("localhost:" + port, worker.env().get("TEMPORAL_ADDRESS"));
    assertEquals(home.toAbsolutePath().toString(), worker.env().get("PLATFORM_HOME"));
    assertEquals(
        new Readiness.FileExists(home.toAbsolutePath().resolve("run/worker.ready")),
        worker.readiness());
    assertEquals(List.of("worker"), worker.args());

    List<Component> remote =
        DevComponents.standard(
            home,
            TemporalSettings.from(Map.of("TEMPORAL_ADDRESS", "temporal.internal:7233")),
            port,
            KafkaSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092")),
            9192,
            9193);
    assertEquals(List.of("worker"), remote.stream().map(Component::name).toList());
    assertEquals("temporal.internal:7233", remote.get(0).env().get("TEMPORAL_ADDRESS"));
    assertEquals("kafka.internal:9092", remote.get(0).env().get("KAFKA_BOOTSTRAP_SERVERS"));
  }

  @Test
  void aStaleReadyFileDoesNotMakeANewWorkerLookReady() throws IOException {
    Path ready = home.resolve("run/crashing.ready");
    Files.createDirectories(ready.getParent());
    Files.writeString(ready, "");
    Component crashing =
        new Component(
            "crashing",
            CrashingMain.class.getName(),
            List.of(),
            List.of(),
            Map.of(),
            new Readiness.FileExists(ready),
            Duration.ofSeconds(30),
            "nothing");
    stack = new DevStack(home, List.of(crashing));

    assertThrows(DevStackException.class, () -> stack.start(progress::add));
    assertFalse(Files.exists(ready));
  }
}
