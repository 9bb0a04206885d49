package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.Lakes;
import dev.platform.core.source.Sources;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.produce.KnownTurnstiles;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.ProduceResult;
import dev.platform.kafka.produce.ReplayPlan;
import dev.platform.kafka.produce.SyntheticMessages;
import dev.platform.kafka.produce.Turnstile;
import dev.platform.kafka.produce.TurnstileProducer;
import dev.platform.kafka.topics.KafkaTopics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Send turnstile messages to the stream topic (KAFKA_TOPIC, default mta-turnstile) of",
      "KAFKA_BOOTSTRAP_SERVERS (default localhost:9092, the local broker), keyed by turnstile,",
      "idempotent, acks=all. Message: CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,",
      "ENTRIES,EXITS,ID,TIMESTAMP with counts since the turnstile's previous message.",
      "  synthetic: random counts over real turnstiles (a built-in sample, or --file's), stamped",
      "             with the current New York time; runs until --count, --duration or Ctrl-C.",
      "  replay:    a real weekly file as per-interval messages in event-time order; resets and",
      "             jumps are no traffic (no message, counted). --speedup N paces by event time."
    })
final class StreamProduceCommand implements Callable<Integer> {
  enum Mode {
    SYNTHETIC,
    REPLAY
  }

  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected synthetic or replay, got " + value);
      }
    }
  }

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("yyMMdd");

  @Spec CommandSpec spec;

  @Option(
      names = "--mode",
      paramLabel = "synthetic|replay",
      description = "what to send (default: synthetic)",
      converter = ModeConverter.class)
  Mode mode = Mode.SYNTHETIC;

  @Option(
      names = "--file",
      paramLabel = "WEEK_OR_DATE",
      description = {
        "a weekly file (path or file: URL), or a date in the week (yyMMdd or yyyy-MM-dd):",
        "that week's file (ending on the Saturday) from the mirror's mta/ folder, else the lake.",
        "Replay reads it; synthetic takes its turnstiles."
      })
  String file;

  @Option(
      names = "--mirror",
      paramLabel = "DIR",
      description = "a folder holding mta/<yyMMdd>.csv.gz (default: PLATFORM_MIRROR)")
  Path mirror;

  @Option(
      names = "--rate",
      paramLabel = "N[/s]",
      description = "at most N messages a second; 0 = unlimited (default: synthetic 100, replay 0)")
  String rate;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "stop after this long: 30s, 5m, 1h or ISO-8601 (PT30S)")
  String duration;

  @Option(names = "--count", paramLabel = "N", description = "stop after N messages")
  Long count;

  @Option(
      names = "--speedup",
      paramLabel = "N",
      description = "replay: event time N times faster than real; 0 = as fast as allowed (default)")
  double speedup;

  @Option(
      names = "--turnstiles",
      paramLabel = "N",
      description = "synthetic: use the first N turnstiles (default: all)")
  int turnstiles;

  @Option(
      names = "--bootstrap-servers",
      description = "the cluster (default: KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)")
  String bootstrapServers;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    KafkaSettings settings = KafkaSettings.fromEnvironment();
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      settings = settings.withBootstrapServers(bootstrapServers.strip());
    }
    if (speedup != 0 && mode != Mode.REPLAY) {
      throw new IllegalArgumentException("--speedup paces a replay; use --rate for synthetic");
    }
    if (count != null && duration != null) {
      throw new IllegalArgumentException("give --count or --duration, not both");
    }
    ProduceLimits limits =
        new ProduceLimits(
            count == null ? OptionalLong.empty() : OptionalLong.of(count),
            Optional.ofNullable(duration).map(StreamProduceCommand::parseDuration),
            parseRate(rate, mode == Mode.SYNTHETIC ? 100 : 0),
            speedup);
    Iterator<TurnstileMessage> messages = messages(out);
    out.println("kafka: " + settings.describe() + ", topic " + settings.topic());
    try {
      KafkaCommand.ensureTopics(
          out, settings, KafkaTopics.DEFAULT_PARTITIONS, KafkaTopics.DEFAULT_DLQ_PARTITIONS);
    } catch (KafkaTopics.KafkaTopicsException e) {
      // a cluster may forbid creating topics to this user; the topic may still exist
      out.println("warning: " + e.getMessage() + "; producing anyway");
    }
    out.flush();

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              stop.set(true);
              awaitQuietly(done);
            },
            "produce-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    ProduceResult result;
    try (TurnstileProducer producer = new TurnstileProducer(settings)) {
      result =
          producer.produce(
              messages,
              limits,
              line -> {
                out.println(line);
                out.flush();
              },
              stop::get);
    } catch (KafkaException e) {
      throw new IllegalStateException(
          "cannot produce to " + settings.describe() + ": " + e.getMessage(), e);
    } finally {
      done.countDown();
    }
    removeHook(onCtrlC);
    out.println("totals: " + result.describe());
    out.flush();
    return result.failed() == 0 ? 0 : ErrorHandler.FAILED;
  }

  private Iterator<TurnstileMessage> messages(PrintWriter out) throws IOException {
    if (mode == Mode.REPLAY) {
      if (file == null) {
        throw new IllegalArgumentException("replay needs --file WEEK_OR_DATE");
      }
      WeekFile week = resolve(file);
      try {
        ReplayPlan plan = ReplayPlan.of(week.path());
        out.println("replay of " + week.description() + ": " + plan.describe());
        return plan.messages().iterator();
      } finally {
        week.cleanup();
      }
    }
    List<Turnstile> known = KnownTurnstiles.SAMPLE;
    String from = "the built-in sample";
    if (file != null) {
      WeekFile week = resolve(file);
      try {
        known = KnownTurnstiles.fromWeeklyFile(week.path());
        from = week.description();
      } finally {
        week.cleanup();
      }
    }
    List<Turnstile> used = KnownTurnstiles.first(known, turnstiles);
    out.println("synthetic messages over " + used.size() + " turnstiles of " + from);
    return new SyntheticMessages(used);
  }

  /** A weekly file to read, and whether it is a temporary copy from the lake. */
  record WeekFile(Path path, String description, boolean temporary) {
    void cleanup() throws IOException {
      if (temporary) {
        Files.deleteIfExists(path);
      }
    }
  }

  private WeekFile resolve(String weekOrDate) throws IOException {
    if (weekOrDate.startsWith("file:") || Files.isRegularFile(Path.of(weekOrDate))) {
      Path path = Sources.toPath(weekOrDate);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("--file: no such file: " + path);
      }
      return new WeekFile(path, path.toString(), false);
    }
    LocalDate saturday =
        parseDate(weekOrDate).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    String name = WEEK.format(saturday) + ".csv.gz";
    List<String> looked = new ArrayList<>();
    PlatformEnvironment environment = PlatformEnvironment.current();
    Optional<Path> mirrorDir = Optional.ofNullable(mirror).or(environment::mirror);
    if (mirrorDir.isPresent()) {
      for (Path candidate :
          List.of(mirrorDir.get().resolve("mta").resolve(name), mirrorDir.get().resolve(name))) {
        if (Files.isRegularFile(candidate)) {
          return new WeekFile(candidate, candidate.toString(), false);
        }
        looked.add(candidate.toString());
      }
    }
    String key = LakeLayout.turnstileBatch(saturday);
    try (Lake lake = Lakes.open(environment.lakeUri())) {
      if (lake.exists(key)) {
        Path copy = Files.createTempFile("turnstile-week-", ".csv.gz");
        lake.download(key, copy);
        return new WeekFile(copy, lake.uri(key), true);
      }
      looked.add(lake.uri(key));
    }
    throw new IllegalArgumentException(
        "--file: no weekly file for the week ending "
            + saturday
            + "; looked in "
            + String.join(", ", looked));
  }

  private static LocalDate parseDate(String text) {
    try {
      return text.length() == 6 ? LocalDate.parse(text, WEEK) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--file: neither a file nor a date (yyMMdd or yyyy-MM-dd): " + text);
    }
  }

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  static Duration parseDuration(String text) {
    Matcher simple = SIMPLE_DURATION.matcher(text.strip());
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--duration: not a duration (30s, 5m, 1h or PT30S): " + text);
    }
  }

  static double parseRate(String text, double fallback) {
    if (text == null) {
      return fallback;
    }
    String number = text.strip().replaceFirst("/s$", "");
    try {
      double value = Double.parseDouble(number);
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--rate: not a rate (messages a second, e.g. 500 or 500/s): " + text);
    }
  }

  private static void awaitQuietly(CountDownLatch done) {
    try {
      done.await(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }
}
