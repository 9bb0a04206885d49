package dev.platform.kafka.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker in a child JVM, owned by the caller (tests, benchmarks): started
 * by {@link #start}, stopped by {@link #close}. Its folder keeps the data, so a broker started
 * again on the same folder finds its topics and messages.
 *
 * <pre>{@code
 * try (LocalKafkaBroker broker = LocalKafkaBroker.start(tempDir)) {
 *   String servers = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
  public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final BrokerConfig config;
  private final Process process;

  private LocalKafkaBroker(BrokerConfig config, Process process) {
    this.config = config;
    this.process = process;
  }

  /** A broker in {@code dir} on free ports. */
  public static LocalKafkaBroker start(Path dir) {
    int port = freePort();
    int controllerPort = freePort();
    while (controllerPort == port) {
      controllerPort = freePort();
    }
    return start(new BrokerConfig(dir, port, controllerPort), START_TIMEOUT);
  }

  /**
   * Starts the broker and waits until it serves clients.
   *
   * @throws IllegalStateException when it exits or is not ready in time (with its log's tail); the
   *     process is stopped then
   */
  public static LocalKafkaBroker start(BrokerConfig config, Duration timeout) {
    BrokerLaunch launch = BrokerLaunch.of(config);
    Path console = config.dir().resolve("console.log");
    Process process;
    try {
      Files.createDirectories(config.dir());
      Files.deleteIfExists(config.readyFile());
      LOG.info("starting a Kafka broker on {} in {}", config.bootstrapServers(), config.dir());
      process =
          new ProcessBuilder(launch.command())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Kafka broker in " + config.dir(), e);
    }
    LocalKafkaBroker broker = new LocalKafkaBroker(config, process);
    // a test JVM that ends without closing the broker must not leave it running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "kafka-broker-stop"));
    long begin = System.nanoTime();
    long deadline = begin + timeout.toNanos();
    while (!Files.exists(config.readyFile())) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Kafka broker exited with code "
                + process.exitValue()
                + " before it was ready; "
                + tails(config, console));
      }
      if (System.nanoTime() > deadline) {
        broker.close();
        throw new IllegalStateException(
            "the Kafka broker was not ready after "
                + timeout.toSeconds()
                + " s; "
                + tails(config, console));
      }
      sleep(100);
    }
    LOG.info(
        "Kafka broker ready on {} in {} ms (pid {})",
        config.bootstrapServers(),
        (System.nanoTime() - begin) / 1_000_000,
        process.pid());
    return broker;
  }

  public String bootstrapServers() {
    return config.bootstrapServers();
  }

  public BrokerConfig config() {
    return config;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the broker: SIGTERM (a clean shutdown), SIGKILL if it does not exit in time. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("the Kafka broker did not stop in {} s; killing it", STOP_GRACE.toSeconds());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String tails(BrokerConfig config, Path console) {
    return "console "
        + console
        + ":"
        + tail(console, 15)
        + System.lineSeparator()
        + "broker log "
        + config.logFile()
        + ":"
        + tail(config.logFile(), 15);
  }

  static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return " (missing)";
    }
    try {
      List<String> all =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      StringBuilder text = new StringBuilder();
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(line -> text.append(System.lineSeparator()).append("  ").append(line));
      return text.toString();
    } catch (IOException e) {
      return " (cannot read: " + e.getMessage() + ")";
    }
  }

  /** A port the operating system considers free now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }
}
