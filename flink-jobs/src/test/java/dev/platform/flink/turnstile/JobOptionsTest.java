package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

  private static JobOptions parse(Map<String, String> env, String... args) {
    return JobOptions.parse(args, env);
  }

  @Test
  void defaultsAreTheOriginalsFiveMinuteTumblingWindowsOnTheLocalBroker() {
    JobOptions o = parse(Map.of("PLATFORM_HOME", "/tmp/home"));
    assertEquals("localhost:9092", o.kafka().bootstrapServers());
    assertEquals("mta-turnstile", o.topic());
    assertEquals("mta-turnstile-dlq", o.dlqTopic());
    assertEquals("turnstile-aggregation", o.groupId());
    assertEquals("file:///tmp/home/lake", o.lakeUri());
    assertEquals("file:///tmp/home/flink/checkpoints", o.checkpointDir());
    assertEquals(Duration.ofMinutes(5), o.window());
    assertTrue(o.tumbling());
    assertEquals(Duration.ofSeconds(30), o.outOfOrderness());
    assertEquals(Duration.ofMinutes(1), o.idleness());
    assertEquals(Duration.ZERO, o.allowedLateness());
    assertEquals(Duration.ofSeconds(10), o.checkpointInterval());
    assertTrue(o.dedupRetention().compareTo(Duration.ofHours(1)) > 0);
    assertFalse(o.local());
    assertEquals(Optional.empty(), o.restoreFrom());
  }

  @Test
  void argumentsWinOverTheEnvironmentWhichWinsOverDefaults() {
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "KAFKA_TOPIC", "env-topic",
            "PLATFORM_LAKE", "gs://bucket/lake",
            "STREAM_WINDOW", "10m",
            "STREAM_ALLOWED_LATENESS", "2m");
    JobOptions o =
        parse(
            env,
            "--topic",
            "arg-topic",
            "--slide=5m",
            "--checkpoint-dir",
            "gs://bucket/checkpoints",
            "--local",
            "--rest-port",
            "0",
            "--from-checkpoint",
            "latest");
    assertEquals("kafka:9092", o.kafka().bootstrapServers());
    assertEquals("arg-topic", o.topic());
    assertEquals("gs://bucket/lake", o.lakeUri());
    assertEquals("gs://bucket/checkpoints", o.checkpointDir());
    assertEquals(Duration.ofMinutes(10), o.window());
    assertEquals(Duration.ofMinutes(5), o.slide());
    assertFalse(o.tumbling());
    assertEquals(Duration.ofMinutes(2), o.allowedLateness());
    assertTrue(o.local());
    assertEquals(0, o.restPort());
    assertEquals(Optional.of("latest"), o.restoreFrom());
  }

  @Test
  void aPlainFolderBecomesAFileUri(@org.junit.jupiter.api.io.TempDir Path dir) {
    JobOptions o = parse(Map.of(), "--lake", dir.toString());
    assertEquals(dir.toUri().toString().replaceAll("/$", ""), o.lakeUri().replaceAll("/$", ""));
    assertEquals(
        new org.apache.flink.core.fs.Path(dir.toUri() + "turnstile/stream/"),
        LakeSinks.folder(o.lakeUri(), "turnstile/stream/"));
  }

  @Test
  void durationsTakeShortAndIsoForms() {
    assertEquals(Duration.ofMillis(500), JobOptions.duration("x", "500ms"));
    assertEquals(Duration.ofSeconds(30), JobOptions.duration("x", "30s"));
    assertEquals(Duration.ofMinutes(5), JobOptions.duration("x", "5m"));
    assertEquals(Duration.ofMinutes(5), JobOptions.duration("x", "5min"));
    assertEquals(Duration.ofHours(1), JobOptions.duration("x", "1h"));
    assertEquals(Duration.ofDays(1), JobOptions.duration("x", "1d"));
    assertEquals(Duration.ofMinutes(5), JobOptions.duration("x", "PT5M"));
  }

  @Test
  void badOptionsNameTheOptionAndTheReason() {
    assertMessage("unknown option: --windows", "--windows", "5m");
    assertMessage("--window: not a duration", "--window", "five");
    assertMessage("--window: must be positive", "--window", "0s");
    assertMessage("--slide: must not be longer", "--window", "5m", "--slide", "10m");
    assertMessage("--slide: must divide", "--window", "5m", "--slide", "2m");
    assertMessage(
        "--dedup-retention: must be longer",
        "--allowed-lateness",
        "1h",
        "--dedup-retention",
        "30m");
    assertMessage("--topic: missing value", "--topic");
    assertMessage("--rest-port: not a whole number", "--rest-port", "x");
    assertMessage("unexpected argument: extra", "extra");
    assertMessage("give one", "--from-checkpoint", "/a", "--from-savepoint", "/b");
  }

  private static void assertMessage(String expected, String... args) {
    JobOptions.UsageException e =
        assertThrows(JobOptions.UsageException.class, () -> parse(Map.of(), args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void saslSettingsBecomeKafkaClientProperties() {
    JobOptions o =
        parse(
            Map.of(
                "KAFKA_SASL_USERNAME", "user",
                "KAFKA_SASL_PASSWORD", "pa\"ss",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"));
    Properties p = o.kafka().clientProperties();
    assertEquals("SASL_SSL", p.getProperty("security.protocol"));
    assertEquals("SCRAM-SHA-512", p.getProperty("sasl.mechanism"));
    assertEquals(
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"user\" password=\"pa\\\"ss\";",
        p.getProperty("sasl.jaas.config"));
    assertFalse(o.kafka().describe().contains("pa\""), "no password in descriptions");
    assertFalse(parse(Map.of()).kafka().clientProperties().containsKey("security.protocol"));
    assertMessage("go together", "--sasl-username", "user");
  }
}
