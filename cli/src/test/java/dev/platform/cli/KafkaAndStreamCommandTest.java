package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.cli.PlatformCommandTest.Run;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.devstack.Ports;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.consume.PlainConsumerBenchmark;
import dev.platform.kafka.topics.KafkaTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform kafka start|status|stop} and {@code platform stream produce} against the real
 * broker the command starts (own JVM, free ports, a temp platform home).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAndStreamCommandTest {
  @TempDir static Path home;
  static int port;
  static int controllerPort;
  static String servers;

  @BeforeAll
  static void startBroker() {
    System.setProperty("platform.home", home.toString());
    port = Ports.findFree();
    controllerPort = Ports.findFree();
    servers = "localhost:" + port;
    Run run =
        PlatformCommandTest.run(
            "kafka",
            "start",
            "--port",
            Integer.toString(port),
            "--controller-port",
            Integer.toString(controllerPort),
            "--partitions",
            "2");
    assertEquals(0, run.exitCode(), run.output() + run.errors());
    assertTrue(run.output().contains("kafka: ready in"), run.output());
    assertTrue(run.output().contains("topic mta-turnstile: created"), run.output());
    assertTrue(run.output().contains("topic mta-turnstile-dlq: created"), run.output());
  }

  @AfterAll
  static void stopBroker() {
    try {
      Run run = PlatformCommandTest.run("kafka", "stop");
      assertEquals(0, run.exitCode(), run.errors());
      assertTrue(run.output().contains("kafka: stopped"), run.output());
      assertTrue(Ports.isFree(port), "the broker's port is free again");
    } finally {
      System.clearProperty("platform.home");
    }
  }

  @Test
  @Order(1)
  void statusShowsTheRunningBrokerAndTheTopicsHaveTheirPartitions() {
    Run status = PlatformCommandTest.run("kafka", "status");
    assertTrue(status.output().contains("kafka"), status.output());
    assertTrue(status.output().contains("running"), status.output());
    assertTrue(status.output().contains("kafka localhost:" + port), status.output());
    assertTrue(Files.isRegularFile(home.resolve("kafka/data/meta.properties")));
    assertEquals(
        Map.of("mta-turnstile", 2, "mta-turnstile-dlq", 1),
        KafkaTopics.partitions(
            KafkaSettings.local(servers), List.of("mta-turnstile", "mta-turnstile-dlq")));
  }

  @Test
  @Order(2)
  void producingSyntheticMessagesSendsThemAll() {
    Run run =
        PlatformCommandTest.run(
            "stream",
            "produce",
            "--mode",
            "synthetic",
            "--count",
            "500",
            "--rate",
            "5000/s",
            "--turnstiles",
            "4",
            "--bootstrap-servers",
            servers);
    assertEquals(0, run.exitCode(), run.output() + run.errors());
    assertTrue(run.output().contains("over 4 turnstiles"), run.output());
    assertTrue(run.output().contains("topic mta-turnstile: exists"), run.output());
    assertTrue(run.output().contains("totals: sent 500, acknowledged 500, failed 0"), run.output());

    PlainConsumerBenchmark.Result read =
        PlainConsumerBenchmark.run(
            KafkaSettings.local(servers), "mta-turnstile", Duration.ofSeconds(60));
    assertEquals(500, read.records());
    assertEquals(500, read.parsed());
  }

  @Test
  @Order(3)
  void replayingAWeekSkipsTheResetAndSendsTheIntervals() throws IOException {
    Path week = home.resolve("week.csv");
    Files.write(
        week,
        List.of(
            "C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS",
            "A002,R051,02-00-00,59 ST,NQR456W,BMT,01/01/2024,00:00:00,REGULAR,100,50",
            "A002,R051,02-00-00,59 ST,NQR456W,BMT,01/01/2024,04:00:00,REGULAR,130,70",
            "A002,R051,02-00-00,59 ST,NQR456W,BMT,01/01/2024,08:00:00,REGULAR,5,75",
            "A002,R051,02-00-00,59 ST,NQR456W,BMT,01/01/2024,12:00:00,REGULAR,25,95"));
    Run run =
        PlatformCommandTest.run(
            "stream",
            "produce",
            "--mode",
            "replay",
            "--file",
            week.toString(),
            "--bootstrap-servers",
            servers);
    assertEquals(0, run.exitCode(), run.output() + run.errors());
    assertTrue(run.output().contains("-> 2 interval messages"), run.output());
    assertTrue(run.output().contains("1 unknown intervals"), run.output());
    assertTrue(run.output().contains("totals: sent 2, acknowledged 2"), run.output());
    Map<String, String> replayed = new java.util.TreeMap<>();
    for (ConsumerRecord<String, String> record : readAll()) {
      TurnstileMessage message = TurnstileMessage.parse(record.value()).get();
      if (message.date().getYear() == 2024) {
        replayed.put(
            TurnstileMessage.TIMESTAMP.format(message.timestamp()),
            record.key() + " " + message.entries() + "/" + message.exits());
      }
    }
    assertEquals(
        Map.of(
            "2024-01-01 04:00:00", "A002|R051|02-00-00 30/20",
            "2024-01-01 12:00:00", "A002|R051|02-00-00 20/20"),
        replayed,
        "the 08:00 interval (a counter reset) made no message");
  }

  private static List<ConsumerRecord<String, String>> readAll() {
    Properties props = KafkaSettings.local(servers).clientProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("mta-turnstile").stream()
              .map(info -> new TopicPartition("mta-turnstile", info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }

  @Test
  @Order(5)
  void startingAgainIsHarmlessAndATakenPortIsAClearError() {
    String[] start = {
      "kafka",
      "start",
      "--port",
      Integer.toString(port),
      "--controller-port",
      Integer.toString(controllerPort)
    };
    Run again = PlatformCommandTest.run(start);
    assertEquals(0, again.exitCode(), again.errors());
    assertTrue(again.output().contains("kafka: already running"), again.output());
    assertTrue(again.output().contains("topic mta-turnstile: exists"), again.output());

    System.setProperty("platform.home", home.resolve("another-home").toString());
    try {
      Run taken = PlatformCommandTest.run(start);
      assertEquals(ErrorHandler.FAILED, taken.exitCode());
      assertTrue(
          taken
              .errors()
              .startsWith("error: cannot start kafka: port " + port + " is already in use"),
          taken.errors());
    } finally {
      System.setProperty("platform.home", home.toString());
    }
  }

  @Test
  @Order(4)
  void badOptionsAreOneLineErrors() {
    Run run =
        PlatformCommandTest.run(
            "stream", "produce", "--mode", "replay", "--bootstrap-servers", servers);
    assertEquals(ErrorHandler.DATA_ERROR, run.exitCode());
    assertEquals("error: replay needs --file WEEK_OR_DATE", run.errors().strip());
    Run noWeek =
        PlatformCommandTest.run(
            "stream",
            "produce",
            "--mode",
            "replay",
            "--file",
            "1999-02-03",
            "--mirror",
            home.toString(),
            "--bootstrap-servers",
            servers);
    assertEquals(ErrorHandler.DATA_ERROR, noWeek.exitCode());
    assertTrue(
        noWeek.errors().startsWith("error: --file: no weekly file for the week ending 1999-02-06"),
        noWeek.errors());
  }
}
