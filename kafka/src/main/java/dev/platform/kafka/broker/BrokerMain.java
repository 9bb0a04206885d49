package dev.platform.kafka.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * The broker JVM's main class (class path: {@code kafka/target/broker-lib/*} plus this module):
 * writes the configuration, formats the storage on first start, creates the ready file once the
 * broker answers a client, and runs {@code kafka.Kafka} until the process is stopped.
 *
 * <p>Arguments: {@code <dir> <port> <controllerPort> [defaultPartitions]}.
 *
 * <p>Nothing here may log through SLF4J before {@code log4j2.configurationFile} is set: the first
 * call would configure log4j without it.
 */
public final class BrokerMain {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BrokerMain <dir> <port> <controllerPort> [defaultPartitions]");
      System.exit(2);
    }
    BrokerConfig config =
        new BrokerConfig(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            args.length > 3 ? Integer.parseInt(args[3]) : 1);
    Files.deleteIfExists(config.readyFile());
    config.write();
    System.setProperty("log4j2.configurationFile", config.log4jConfig().toUri().toString());
    System.out.println("kafka broker: " + config.bootstrapServers() + ", log " + config.logFile());
    if (!config.formatted()) {
      format(config);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteQuietly(config.readyFile()), "ready-file"));
    Thread watcher = new Thread(() -> announceWhenReady(config), "broker-ready");
    watcher.setDaemon(true);
    watcher.start();
    invokeStatic(
        "kafka.Kafka",
        "main",
        new Class<?>[] {String[].class},
        (Object) new String[] {config.serverProperties().toString()});
  }

  /** {@code kafka-storage format -t <new cluster id> -c server.properties}, in this JVM. */
  private static void format(BrokerConfig config) throws Exception {
    String clusterId = Uuid.randomUuid().toString();
    System.out.println(
        "kafka broker: formatting " + config.dataDir() + " (cluster " + clusterId + ")");
    Object code =
        invokeStatic(
            "kafka.tools.StorageTool",
            "execute",
            new Class<?>[] {String[].class, PrintStream.class},
            new String[] {
              "format",
              "-t",
              clusterId,
              "-c",
              config.serverProperties().toString(),
              "--ignore-formatted"
            },
            System.out);
    if (!Integer.valueOf(0).equals(code)) {
      System.err.println("kafka broker: formatting the storage failed with code " + code);
      System.exit(1);
    }
  }

  /** Creates the ready file once an admin client sees this broker in the cluster. */
  private static void announceWhenReady(BrokerConfig config) {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"));
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    try (Admin admin = Admin.create(props)) {
      while (Instant.now().isBefore(deadline)) {
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            Files.writeString(
                config.readyFile(), config.bootstrapServers() + "\n", StandardCharsets.UTF_8);
            System.out.println("kafka broker: ready on " + config.bootstrapServers());
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          sleep(Duration.ofMillis(200));
        }
      }
      System.err.println("kafka broker: not answering after " + READY_TIMEOUT.toSeconds() + " s");
    }
  }

  private static Object invokeStatic(
      String className, String method, Class<?>[] types, Object... args) throws Exception {
    Method target = Class.forName(className).getMethod(method, types);
    try {
      return target.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the process is exiting; the next start deletes it
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
