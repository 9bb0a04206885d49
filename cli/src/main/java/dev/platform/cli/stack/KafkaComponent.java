package dev.platform.cli.stack;

import dev.platform.devstack.Component;
import dev.platform.devstack.DevStack;
import dev.platform.devstack.DevStackException;
import dev.platform.devstack.Ports;
import dev.platform.devstack.Readiness;
import dev.platform.kafka.broker.BrokerConfig;
import dev.platform.kafka.broker.BrokerLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local Kafka broker (single-node KRaft) as a process of its own, run from the broker's jars
 * that module {@code kafka} copies to {@code kafka/target/broker-lib}: Scala and log4j stay off the
 * CLI's class path. Its data, configuration and broker log are in {@code $PLATFORM_HOME/kafka}; it
 * is ready once it has created {@code kafka/ready}, which it does when a client gets an answer from
 * it.
 */
public final class KafkaComponent {
  public static final String NAME = "kafka";
  public static final int DEFAULT_PORT = 9092;
  public static final int DEFAULT_CONTROLLER_PORT = 9093;

  private KafkaComponent() {}

  /** The broker's folder under the platform home. */
  public static Path folder(Path platformHome) {
    return platformHome.toAbsolutePath().normalize().resolve("kafka");
  }

  /** The broker on the usual ports. */
  public static Component component(Path platformHome) {
    return component(platformHome, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT);
  }

  /** The broker on the ports it was last started with (else the usual ones): to stop or show. */
  public static Component lastStarted(Path platformHome) {
    return BrokerConfig.existing(folder(platformHome))
        .map(config -> component(platformHome, config.port(), config.controllerPort()))
        .orElseGet(() -> component(platformHome));
  }

  /**
   * Fails with a clear message when the broker is not running yet and one of its ports is taken
   * (the broker itself would die with a bind error deep in its log).
   */
  public static void requireFreePorts(DevStack stack, int port, int controllerPort) {
    boolean running =
        stack.status().stream().anyMatch(status -> status.name().equals(NAME) && status.running());
    if (running) {
      return;
    }
    for (int candidate : new int[] {port, controllerPort}) {
      if (!Ports.isFree(candidate)) {
        throw new DevStackException(
            "cannot start kafka: port "
                + candidate
                + " is already in use by a process the dev stack did not start; stop it, choose"
                + " other ports (kafka start --port --controller-port), or use a running cluster"
                + " by setting KAFKA_BOOTSTRAP_SERVERS");
      }
    }
  }

  /** Where clients reach the local broker: the port it was last started with, else 9092. */
  public static String bootstrapServers(Path platformHome) {
    return BrokerConfig.existing(folder(platformHome))
        .map(BrokerConfig::bootstrapServers)
        .orElse("localhost:" + DEFAULT_PORT);
  }

  /**
   * The broker on these ports.
   *
   * @throws DevStackException when the broker's jars are not built
   */
  public static Component component(Path platformHome, int port, int controllerPort) {
    BrokerConfig config = new BrokerConfig(folder(platformHome), port, controllerPort);
    BrokerLaunch launch;
    try {
      launch = BrokerLaunch.of(config);
    } catch (IllegalStateException e) {
      throw new DevStackException(e.getMessage());
    }
    return new Component(
        NAME,
        launch.mainClass(),
        launch.args(),
        launch.jvmOptions(),
        Map.of(),
        new Readiness.FileExists(config.readyFile()),
        Duration.ofSeconds(120),
        "kafka " + config.bootstrapServers() + " (data " + config.dataDir() + ")",
        launch.classPath());
  }
}
