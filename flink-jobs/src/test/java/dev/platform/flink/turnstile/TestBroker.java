package dev.platform.flink.turnstile;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * TEMPORARY until the kafka module (LocalKafkaBroker) is in main: a running broker named by {@code
 * -Dtest.kafka.bootstrap=host:port}; without it the Kafka tests are skipped.
 */
final class TestBroker implements AutoCloseable {
  private final String servers;

  private TestBroker(String servers) {
    this.servers = servers;
  }

  static TestBroker start(Path dir) {
    String servers = System.getProperty("test.kafka.bootstrap");
    Assumptions.assumeTrue(servers != null && !servers.isBlank(), "no -Dtest.kafka.bootstrap");
    return new TestBroker(servers);
  }

  String bootstrapServers() {
    return servers;
  }

  @Override
  public void close() {}
}
