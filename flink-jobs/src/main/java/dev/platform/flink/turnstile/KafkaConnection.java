package dev.platform.flink.turnstile;

import java.io.Serializable;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the Kafka cluster is and how to log in: bootstrap servers, and optionally a security
 * protocol ({@code SASL_SSL}, {@code SASL_PLAINTEXT}) with a SASL mechanism ({@code PLAIN}, {@code
 * SCRAM-SHA-256}, {@code SCRAM-SHA-512}), user name and password, as the original producer and
 * consumer supported.
 */
public record KafkaConnection(
    String bootstrapServers,
    Optional<String> securityProtocol,
    String saslMechanism,
    Optional<String> saslUsername,
    Optional<String> saslPassword)
    implements Serializable {

  public static KafkaConnection plain(String bootstrapServers) {
    return new KafkaConnection(
        bootstrapServers, Optional.empty(), "PLAIN", Optional.empty(), Optional.empty());
  }

  /** Client properties beyond the bootstrap servers. */
  public Properties properties() {
    Properties p = new Properties();
    securityProtocol.ifPresent(v -> p.setProperty("security.protocol", v));
    if (saslUsername.isPresent()) {
      String module =
          saslMechanism.startsWith("SCRAM")
              ? "org.apache.kafka.common.security.scram.ScramLoginModule"
              : "org.apache.kafka.common.security.plain.PlainLoginModule";
      p.setProperty("sasl.mechanism", saslMechanism);
      p.setProperty(
          "sasl.jaas.config",
          module
              + " required username=\""
              + escape(saslUsername.get())
              + "\" password=\""
              + escape(saslPassword.orElse(""))
              + "\";");
      if (securityProtocol.isEmpty()) {
        p.setProperty("security.protocol", "SASL_SSL");
      }
    }
    return p;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return bootstrapServers
        + securityProtocol.map(p -> " (" + p + ")").orElse("")
        + saslUsername.map(u -> " as " + u).orElse("");
  }
}
