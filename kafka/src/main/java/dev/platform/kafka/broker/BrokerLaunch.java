package dev.platform.kafka.broker;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to run the broker as its own JVM: {@code java <jvmOptions> -cp <classPath> <mainClass>
 * <args>}. The class path is the broker's jars, copied by this module's build to {@code
 * kafka/target/broker-lib}, plus this module's classes for {@link BrokerMain}; nothing of the
 * broker (Scala, log4j) is on the caller's class path.
 */
public record BrokerLaunch(
    List<String> jvmOptions, String classPath, String mainClass, List<String> args) {

  /** System property naming the broker's jar folder (set by the root pom for tests). */
  public static final String BROKER_LIB_PROPERTY = "kafka.broker.lib";

  static final String BROKER_LIB = "kafka/target/broker-lib";

  public BrokerLaunch {
    jvmOptions = List.copyOf(jvmOptions);
    args = List.copyOf(args);
  }

  /** The command line for a broker with this configuration. */
  public static BrokerLaunch of(BrokerConfig config) {
    Path lib =
        brokerLib()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the Kafka broker's jars are not built (no "
                            + BROKER_LIB
                            + "): run ./mvnw -pl kafka -am package"));
    String classPath = lib.resolve("*") + File.pathSeparator + ownLocation();
    return new BrokerLaunch(
        List.of(
            "-Xmx512m",
            "-Dlog4j2.configurationFile=" + config.log4jConfig().toUri(),
            "-Djava.awt.headless=true"),
        classPath,
        BrokerMain.class.getName(),
        List.of(
            config.dir().toString(),
            Integer.toString(config.port()),
            Integer.toString(config.controllerPort()),
            Integer.toString(config.defaultPartitions())));
  }

  /**
   * The broker's jar folder: {@code -Dkafka.broker.lib}, else {@code kafka/target/broker-lib} under
   * {@code -Dplatform.root} (set by {@code ./platform}), else under the working folder.
   */
  public static Optional<Path> brokerLib() {
    String configured = System.getProperty(BROKER_LIB_PROPERTY);
    Path lib =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("platform.root", ".")).resolve(BROKER_LIB);
    lib = lib.toAbsolutePath().normalize();
    return hasJars(lib) ? Optional.of(lib) : Optional.empty();
  }

  /** The full command, {@code java} included. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private static boolean hasJars(Path lib) {
    try (var files = Files.list(lib)) {
      return files.anyMatch(file -> file.getFileName().toString().startsWith("kafka_2.13-"));
    } catch (Exception e) {
      return false;
    }
  }

  /** This module's jar or classes folder, which holds {@link BrokerMain}. */
  private static String ownLocation() {
    try {
      return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath()
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the kafka module's classes", e);
    }
  }
}
