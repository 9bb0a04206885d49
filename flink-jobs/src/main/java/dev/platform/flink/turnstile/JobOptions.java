package dev.platform.flink.turnstile;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.kafka.config.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job's settings: command-line options, each falling back to an environment variable, then to a
 * default. See {@link #USAGE}.
 */
public record JobOptions(
    KafkaSettings kafka,
    String groupId,
    String lakeUri,
    Duration window,
    Duration slide,
    Duration outOfOrderness,
    Duration idleness,
    Duration allowedLateness,
    Duration dedupRetention,
    Duration checkpointInterval,
    String checkpointDir,
    Optional<String> restoreFrom,
    boolean local,
    boolean bounded,
    int restPort,
    OptionalInt parallelism,
    int restartAttempts) {

  public static final String USAGE =
      """
      Usage: TurnstileAggregationJob [options]
        --bootstrap-servers HOSTS   Kafka bootstrap servers   (env KAFKA_BOOTSTRAP_SERVERS, localhost:9092)
        --security-protocol P       SASL_SSL | SASL_PLAINTEXT (env KAFKA_SECURITY_PROTOCOL)
        --sasl-mechanism M          PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512 (env KAFKA_SASL_MECHANISM, PLAIN
                                    with a user)
        --sasl-username U           (env KAFKA_SASL_USERNAME); with a password: env KAFKA_SASL_PASSWORD
                                    or --sasl-password
        --topic T                   messages                  (env KAFKA_TOPIC, mta-turnstile)
        --dlq-topic T               dead letters              (env KAFKA_DLQ_TOPIC, mta-turnstile-dlq)
        --group-id G                consumer group            (env STREAM_GROUP_ID, turnstile-aggregation)
        --lake URI                  lake root: folder, file: or gs:// (env PLATFORM_LAKE, $PLATFORM_HOME/lake)
        --window D                  window size               (env STREAM_WINDOW, 5m)
        --slide D                   window slide; = size is tumbling (env STREAM_SLIDE, = window)
        --out-of-orderness D        watermark delay           (env STREAM_OUT_OF_ORDERNESS, 30s)
        --idleness D                a partition quiet this long holds no windows (env STREAM_IDLENESS, 1m)
        --allowed-lateness D        windows accept late messages this long (env STREAM_ALLOWED_LATENESS, 0s)
        --dedup-retention D         message ids remembered, in event time (env STREAM_DEDUP_RETENTION,
                                    window + out-of-orderness + allowed lateness + 1h)
        --checkpoint-interval D     (env STREAM_CHECKPOINT_INTERVAL, 10s)
        --checkpoint-dir URI        (env STREAM_CHECKPOINT_DIR, $PLATFORM_HOME/flink/checkpoints)
        --from-checkpoint PATH      restore from a retained checkpoint (chk-N folder), or "latest"
                                    in --checkpoint-dir
        --from-savepoint PATH       restore from a savepoint
        --parallelism N             (env STREAM_PARALLELISM; --local: 1, on a cluster: its default)
        --restart-attempts N        exponential-delay restarts before the job fails (env STREAM_RESTART_ATTEMPTS, 20)
        --local                     run on a MiniCluster in this JVM with the Flink web UI
        --bounded                   stop at the topic's end offsets as of the start (benchmarks, tests);
                                    with --local, prints a summary line when done
        --rest-port N               the web UI's port with --local (env STREAM_REST_PORT, 8081; 0 = any free)
      Durations: 500ms, 30s, 5m, 1h, 1d (or ISO-8601, PT5M).
      """;

  private static final Map<String, String> ENV_OF = new LinkedHashMap<>();

  static {
    ENV_OF.put("bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS");
    ENV_OF.put("security-protocol", "KAFKA_SECURITY_PROTOCOL");
    ENV_OF.put("sasl-mechanism", "KAFKA_SASL_MECHANISM");
    ENV_OF.put("sasl-username", "KAFKA_SASL_USERNAME");
    ENV_OF.put("sasl-password", "KAFKA_SASL_PASSWORD");
    ENV_OF.put("topic", "KAFKA_TOPIC");
    ENV_OF.put("dlq-topic", "KAFKA_DLQ_TOPIC");
    ENV_OF.put("lake", "PLATFORM_LAKE");
    for (String name :
        new String[] {
          "group-id",
          "window",
          "slide",
          "out-of-orderness",
          "idleness",
          "allowed-lateness",
          "dedup-retention",
          "checkpoint-interval",
          "checkpoint-dir",
          "parallelism",
          "restart-attempts",
          "rest-port"
        }) {
      ENV_OF.put(name, "STREAM_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    ENV_OF.put("from-checkpoint", null);
    ENV_OF.put("from-savepoint", null);
  }

  /** Thrown for a bad command line; the message names the option and the reason. */
  public static final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
      super(message);
    }
  }

  public static JobOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> given = new HashMap<>();
    boolean local = false;
    boolean bounded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--local")) {
        local = true;
        continue;
      }
      if (arg.equals("--bounded")) {
        bounded = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + ": missing value");
      }
      if (!ENV_OF.containsKey(name)) {
        throw new UsageException("unknown option: --" + name);
      }
      given.put(name, value);
    }
    PlatformEnvironment platform = new PlatformEnvironment(env);
    Values v = new Values(given, env);

    Duration window = v.duration("window").orElse(Duration.ofMinutes(5));
    Duration slide = v.duration("slide").orElse(window);
    Duration outOfOrderness = v.duration("out-of-orderness").orElse(Duration.ofSeconds(30));
    Duration idleness = v.duration("idleness").orElse(Duration.ofMinutes(1));
    Duration allowedLateness = v.duration("allowed-lateness").orElse(Duration.ZERO);
    Duration dedupRetention =
        v.duration("dedup-retention")
            .orElse(window.plus(outOfOrderness).plus(allowedLateness).plus(Duration.ofHours(1)));
    Duration checkpointInterval = v.duration("checkpoint-interval").orElse(Duration.ofSeconds(10));
    positive("window", window);
    positive("slide", slide);
    positive("checkpoint-interval", checkpointInterval);
    positive("dedup-retention", dedupRetention);
    if (slide.compareTo(window) > 0) {
      throw new UsageException("--slide: must not be longer than --window (" + window + ")");
    }
    if (window.toMillis() % slide.toMillis() != 0) {
      throw new UsageException("--slide: must divide --window evenly");
    }
    if (outOfOrderness.isNegative() || allowedLateness.isNegative() || idleness.isNegative()) {
      throw new UsageException(
          "--out-of-orderness, --allowed-lateness and --idleness must not be negative");
    }
    if (dedupRetention.compareTo(window.plus(allowedLateness)) <= 0) {
      throw new UsageException(
          "--dedup-retention: must be longer than --window + --allowed-lateness,"
              + " or duplicates could be counted in their windows");
    }
    if (given.containsKey("from-checkpoint") && given.containsKey("from-savepoint")) {
      throw new UsageException("--from-checkpoint and --from-savepoint: give one");
    }
    Optional<String> restoreFrom =
        Optional.ofNullable(given.getOrDefault("from-checkpoint", given.get("from-savepoint")))
            .filter(s -> !s.isBlank());

    KafkaSettings kafka;
    try {
      kafka =
          new KafkaSettings(
              v.text("bootstrap-servers").orElse(KafkaSettings.DEFAULT_BOOTSTRAP_SERVERS),
              v.text("bootstrap-servers").isPresent(),
              v.text("security-protocol"),
              v.text("sasl-mechanism"),
              v.text("sasl-username"),
              v.text("sasl-password"),
              v.text("topic").orElse(KafkaSettings.DEFAULT_TOPIC),
              v.text("dlq-topic").orElse(KafkaSettings.DEFAULT_DLQ_TOPIC));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String checkpointDir =
        v.text("checkpoint-dir")
            .orElse(platform.home().resolve("flink").resolve("checkpoints").toString());
    return new JobOptions(
        kafka,
        v.text("group-id").orElse("turnstile-aggregation"),
        LakeSinks.toUri(v.text("lake").orElse(platform.lakeUri())),
        window,
        slide,
        outOfOrderness,
        idleness,
        allowedLateness,
        dedupRetention,
        checkpointInterval,
        LakeSinks.toUri(checkpointDir),
        restoreFrom,
        local,
        bounded,
        v.integer("rest-port").orElse(8081),
        v.integer("parallelism").map(OptionalInt::of).orElse(OptionalInt.empty()),
        v.integer("restart-attempts").orElse(20));
  }

  public String topic() {
    return kafka.topic();
  }

  public String dlqTopic() {
    return kafka.dlqTopic();
  }

  public boolean tumbling() {
    return slide.equals(window);
  }

  private static void positive(String name, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new UsageException("--" + name + ": must be positive");
    }
  }

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601. */
  public static Duration duration(String option, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new UsageException(
          "--" + option + ": not a duration (like 500ms, 30s, 5m, 1h): " + text);
    }
  }

  private record Values(Map<String, String> given, Map<String, String> env) {
    Optional<String> text(String name) {
      String value = given.get(name);
      if (value == null && ENV_OF.get(name) != null) {
        value = env.get(ENV_OF.get(name));
      }
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    Optional<Duration> duration(String name) {
      return text(name).map(t -> JobOptions.duration(name, t));
    }

    Optional<Integer> integer(String name) {
      return text(name)
          .map(
              t -> {
                try {
                  int n = Integer.parseInt(t);
                  if (n < 0) {
                    throw new NumberFormatException();
                  }
                  return n;
                } catch (NumberFormatException e) {
                  throw new UsageException("--" + name + ": not a whole number >= 0: " + t);
                }
              });
    }
  }
}
