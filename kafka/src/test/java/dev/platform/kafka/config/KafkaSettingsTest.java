package dev.platform.kafka.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void defaultsToTheLocalBrokerAndTheOriginalTopics() {
    KafkaSettings settings = KafkaSettings.from(Map.of());
    assertEquals("localhost:9092", settings.bootstrapServers());
    assertFalse(settings.bootstrapConfigured());
    assertEquals("mta-turnstile", settings.topic());
    assertEquals("mta-turnstile-dlq", settings.dlqTopic());
    Properties props = settings.clientProperties();
    assertEquals("localhost:9092", props.get("bootstrap.servers"));
    assertFalse(props.containsKey("security.protocol"));
    assertFalse(props.containsKey("sasl.jaas.config"));
  }

  @Test
  void saslSettingsBecomeAJaasConfiguration() {
    KafkaSettings settings =
        KafkaSettings.from(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " broker.example:9093 ",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "producer",
                "KAFKA_SASL_PASSWORD", "pa\"ss",
                "KAFKA_TOPIC", "turnstiles",
                "KAFKA_DLQ_TOPIC", "turnstiles-dlq"));
    assertTrue(settings.bootstrapConfigured());
    Properties props = settings.clientProperties();
    assertEquals("broker.example:9093", props.get("bootstrap.servers"));
    assertEquals("SASL_SSL", props.get("security.protocol"));
    assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
    assertEquals(
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"producer\" password=\"pa\\\"ss\";",
        props.get("sasl.jaas.config"));
    assertEquals("turnstiles", settings.topic());
    assertEquals("turnstiles-dlq", settings.dlqTopic());
    assertFalse(settings.describe().contains("pa\"ss"), "the password is never shown");
    assertFalse(settings.toString().contains("pa\"ss"), "the password is never shown");
  }

  @Test
  void aUserWithoutMechanismOrProtocolMeansPlainOverSsl() {
    Properties props =
        KafkaSettings.from(Map.of("KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p"))
            .clientProperties();
    assertEquals("PLAIN", props.get("sasl.mechanism"));
    assertEquals("SASL_SSL", props.get("security.protocol"));
    assertTrue(
        props
            .get("sasl.jaas.config")
            .toString()
            .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required"));
  }

  @Test
  void aUserWithoutPasswordIsAClearError() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> KafkaSettings.from(Map.of("KAFKA_SASL_USERNAME", "u")));
    assertTrue(error.getMessage().contains("KAFKA_SASL_PASSWORD"), error.getMessage());
  }
}
