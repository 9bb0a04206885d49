package dev.platform.kafka.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Where the Kafka cluster is and the topics, from the environment, as the original supported:
 *
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} (default {@code localhost:9092}, the local broker); when
 *       set, the dev stack starts no broker and uses that cluster
 *   <li>{@code KAFKA_SECURITY_PROTOCOL} ({@code PLAINTEXT}, {@code SASL_SSL}, {@code
 *       SASL_PLAINTEXT}, {@code SSL}), {@code KAFKA_SASL_MECHANISM} (default {@code PLAIN} when a
 *       user is given; {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512}), {@code KAFKA_SASL_USERNAME}
 *       and {@code KAFKA_SASL_PASSWORD} (made into the JAAS configuration)
 *   <li>{@code KAFKA_TOPIC} (default {@code mta-turnstile}), {@code KAFKA_DLQ_TOPIC} (default
 *       {@code mta-turnstile-dlq})
 * </ul>
 */
public record KafkaSettings(
    String bootstrapServers,
    boolean bootstrapConfigured,
    Optional<String> securityProtocol,
    Optional<String> saslMechanism,
    Optional<String> saslUsername,
    Optional<String> saslPassword,
    String topic,
    String dlqTopic) {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_TOPIC = "mta-turnstile";
  public static final String DEFAULT_DLQ_TOPIC = "mta-turnstile-dlq";

  public KafkaSettings {
    if (saslUsername.isPresent() != saslPassword.isPresent()) {
      throw new IllegalArgumentException(
          "KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together: set both or neither");
    }
  }

  public static KafkaSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static KafkaSettings from(Map<String, String> env) {
    Optional<String> servers = value(env, "KAFKA_BOOTSTRAP_SERVERS");
    return new KafkaSettings(
        servers.orElse(DEFAULT_BOOTSTRAP_SERVERS),
        servers.isPresent(),
        value(env, "KAFKA_SECURITY_PROTOCOL"),
        value(env, "KAFKA_SASL_MECHANISM"),
        value(env, "KAFKA_SASL_USERNAME"),
        value(env, "KAFKA_SASL_PASSWORD"),
        value(env, "KAFKA_TOPIC").orElse(DEFAULT_TOPIC),
        value(env, "KAFKA_DLQ_TOPIC").orElse(DEFAULT_DLQ_TOPIC));
  }

  /** Plain settings for a local broker at {@code bootstrapServers}, with the default topics. */
  public static KafkaSettings local(String bootstrapServers) {
    return new KafkaSettings(
        bootstrapServers,
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_TOPIC,
        DEFAULT_DLQ_TOPIC);
  }

  public KafkaSettings withBootstrapServers(String servers) {
    return new KafkaSettings(
        servers,
        true,
        securityProtocol,
        saslMechanism,
        saslUsername,
        saslPassword,
        topic,
        dlqTopic);
  }

  public KafkaSettings withTopics(String topic, String dlqTopic) {
    return new KafkaSettings(
        bootstrapServers,
        bootstrapConfigured,
        securityProtocol,
        saslMechanism,
        saslUsername,
        saslPassword,
        topic,
        dlqTopic);
  }

  /** The connection and security properties every client (producer, consumer, admin) needs. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    securityProtocol.ifPresent(
        protocol -> props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol));
    if (saslUsername.isPresent()) {
      String mechanism = saslMechanism.orElse("PLAIN");
      props.put(SaslConfigs.SASL_MECHANISM, mechanism);
      props.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(mechanism));
      if (securityProtocol.isEmpty()) {
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
      }
    } else {
      saslMechanism.ifPresent(mechanism -> props.put(SaslConfigs.SASL_MECHANISM, mechanism));
    }
    return props;
  }

  /** For people: servers and security, never the password. */
  public String describe() {
    return bootstrapServers
        + securityProtocol.map(protocol -> " (" + protocol + ")").orElse("")
        + saslUsername.map(user -> " as " + user).orElse("");
  }

  private String jaasConfig(String mechanism) {
    String module =
        mechanism.toUpperCase(java.util.Locale.ROOT).startsWith("SCRAM")
            ? "org.apache.kafka.common.security.scram.ScramLoginModule"
            : "org.apache.kafka.common.security.plain.PlainLoginModule";
    return module
        + " required username=\""
        + escape(saslUsername.orElseThrow())
        + "\" password=\""
        + escape(saslPassword.orElseThrow())
        + "\";";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  @Override
  public String toString() {
    return "KafkaSettings[" + describe() + ", topic=" + topic + ", dlqTopic=" + dlqTopic + "]";
  }
}
