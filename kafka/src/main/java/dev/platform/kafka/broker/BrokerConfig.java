package dev.platform.kafka.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single-node KRaft broker's files under one folder: {@code server.properties}, {@code
 * log4j2.properties} (the broker's log, {@code broker.log}), the data in {@code data/} and the
 * {@code ready} file the broker creates once it serves clients. Plain Java only: it runs inside the
 * broker's JVM too ({@link BrokerMain}).
 *
 * @param dir the broker's folder (e.g. {@code $PLATFORM_HOME/kafka})
 * @param port the client listener, {@code PLAINTEXT://localhost:port}
 * @param controllerPort the KRaft controller listener
 * @param defaultPartitions partitions of topics created automatically
 */
public record BrokerConfig(Path dir, int port, int controllerPort, int defaultPartitions) {
  private static final Pattern LISTENER = Pattern.compile("PLAINTEXT://[^:,]*:(\\d+)");
  private static final Pattern CONTROLLER = Pattern.compile("CONTROLLER://[^:,]*:(\\d+)");

  public BrokerConfig {
    dir = dir.toAbsolutePath().normalize();
    if (port == controllerPort) {
      throw new IllegalArgumentException("the client and controller ports must differ: " + port);
    }
  }

  public BrokerConfig(Path dir, int port, int controllerPort) {
    this(dir, port, controllerPort, 1);
  }

  public Path serverProperties() {
    return dir.resolve("server.properties");
  }

  public Path log4jConfig() {
    return dir.resolve("log4j2.properties");
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public Path readyFile() {
    return dir.resolve("ready");
  }

  public Path logFile() {
    return dir.resolve("broker.log");
  }

  /**
   * The configuration a broker in {@code dir} was last started with (its ports), if it was.
   *
   * @throws UncheckedIOException when {@code server.properties} exists but cannot be read
   */
  public static Optional<BrokerConfig> existing(Path dir) {
    Path file = dir.resolve("server.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Matcher client = LISTENER.matcher(props.getProperty("listeners", ""));
    Matcher controller = CONTROLLER.matcher(props.getProperty("listeners", ""));
    if (!client.find() || !controller.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new BrokerConfig(
            dir,
            Integer.parseInt(client.group(1)),
            Integer.parseInt(controller.group(1)),
            Integer.parseInt(props.getProperty("num.partitions", "1").strip())));
  }

  /** True once storage is formatted (the broker writes meta.properties into its log dir). */
  public boolean formatted() {
    return Files.isRegularFile(dataDir().resolve("meta.properties"));
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Writes both configuration files (ports may change between starts; data stays). */
  public void write() {
    try {
      Files.createDirectories(dataDir());
      writeAtomically(serverProperties(), serverPropertiesText());
      writeAtomically(log4jConfig(), log4jText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker configuration in " + dir, e);
    }
  }

  String serverPropertiesText() {
    return String.join(
        "\n",
        List.of(
            "# written by the platform (dev.platform.kafka.broker.BrokerConfig); rewritten on start",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@localhost:" + controllerPort,
            "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
            "advertised.listeners=PLAINTEXT://localhost:" + port,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + dataDir(),
            "num.partitions=" + defaultPartitions,
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "log.retention.hours=168",
            ""));
  }

  String log4jText() {
    return String.join(
        "\n",
        List.of(
            "# written by the platform (dev.platform.kafka.broker.BrokerConfig)",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + logFile(),
            "appender.file.append = true",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "appender.console.filter.threshold.type = ThresholdFilter",
            "appender.console.filter.threshold.level = error",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            "rootLogger.appenderRef.console.ref = console",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = info",
            "logger.admin.name = org.apache.kafka.clients",
            "logger.admin.level = warn",
            ""));
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
