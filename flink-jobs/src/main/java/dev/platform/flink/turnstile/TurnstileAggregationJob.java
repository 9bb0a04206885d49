package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.StreamAggregate;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The turnstile stream job: raw messages -> parse (bad ones to the dead letters) -> drop duplicate
 * message ids -> event-time windows per (CA, UNIT, SCP, STATION, LINENAME, DIVISION, DATE, DESC)
 * summing ENTRIES and EXITS -> window aggregates; messages later than the allowed lateness go to
 * the late sink. Event time and watermarks come from the source (per Kafka partition).
 *
 * <p>The job takes its source and sinks; {@link #main} wires the real ones (Kafka in, the lake and
 * the dead-letter topic out).
 */
public final class TurnstileAggregationJob {
  public static final String JOB_NAME = "turnstile-aggregation";

  static final OutputTag<TurnstileEvent> LATE = new OutputTag<>("late-messages") {};
  private static final TypeInformation<WindowKey> WINDOW_KEY = TypeInformation.of(WindowKey.class);

  private final JobOptions options;
  private final Source<String, ?, ?> messages;
  private final Sink<StreamAggregate> aggregates;
  private final Sink<TurnstileEvent> lateMessages;
  private final Sink<DeadLetter> deadLetters;

  public TurnstileAggregationJob(
      JobOptions options,
      Source<String, ?, ?> messages,
      Sink<StreamAggregate> aggregates,
      Sink<TurnstileEvent> lateMessages,
      Sink<DeadLetter> deadLetters) {
    this.options = options;
    this.messages = messages;
    this.aggregates = aggregates;
    this.lateMessages = lateMessages;
    this.deadLetters = deadLetters;
  }

  /** Adds the job's pipeline to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    DataStream<String> raw =
        env.fromSource(messages, watermarks(options), "turnstile-messages")
            .uid("turnstile-messages");

    SingleOutputStreamOperator<TurnstileEvent> parsed =
        raw.process(new MessageParser()).name("parse").uid("parse");
    parsed
        .getSideOutput(MessageParser.DEAD_LETTERS)
        .sinkTo(deadLetters)
        .name("dead-letters")
        .uid("dead-letters");

    // at most one shuffle: de-duplicated under the window key, then windowed in the same task
    SingleOutputStreamOperator<TurnstileEvent> unique =
        byWindowKey(parsed, env.getParallelism())
            .process(new Deduplicator<WindowKey>(options.dedupRetention()))
            .name("deduplicate")
            .uid("deduplicate");
    KeyedStream<TurnstileEvent, WindowKey> keyed =
        DataStreamUtils.reinterpretAsKeyedStream(unique, TurnstileEvent::key, WINDOW_KEY);

    SingleOutputStreamOperator<StreamAggregate> windows = windows(keyed, options);
    windows.sinkTo(aggregates).name("aggregates").uid("aggregates");
    windows
        .getSideOutput(LATE)
        .process(new LateEventCounter())
        .name("count-late")
        .uid("count-late")
        .sinkTo(lateMessages)
        .name("late-messages")
        .uid("late-messages");
  }

  /**
   * The parsed messages keyed by window key. With one subtask every key is that subtask's, so the
   * stream is keyed where it is: parser, de-duplicator and windows run chained in one task, with no
   * serialization between them. With more, a shuffle by key.
   */
  static KeyedStream<TurnstileEvent, WindowKey> byWindowKey(
      DataStream<TurnstileEvent> parsed, int parallelism) {
    return parallelism == 1
        ? DataStreamUtils.reinterpretAsKeyedStream(parsed, TurnstileEvent::key, WINDOW_KEY)
        : parsed.keyBy(TurnstileEvent::key, WINDOW_KEY);
  }

  /** The windowing stage alone (operator tests build it the same way). */
  static SingleOutputStreamOperator<StreamAggregate> windows(
      KeyedStream<TurnstileEvent, WindowKey> events, JobOptions options) {
    return events
        .window(assigner(options))
        .allowedLateness(options.allowedLateness())
        .sideOutputLateData(LATE)
        .aggregate(new TrafficSum(), new WindowEmitter())
        .name("window-sums")
        .uid("window-sums");
  }

  static WindowAssigner<Object, TimeWindow> assigner(JobOptions options) {
    return options.tumbling()
        ? TumblingEventTimeWindows.of(options.window())
        : SlidingEventTimeWindows.of(options.window(), options.slide());
  }

  static WatermarkStrategy<String> watermarks(JobOptions options) {
    Duration outOfOrderness = options.outOfOrderness();
    WatermarkStrategy<String> strategy =
        WatermarkStrategy.<String>forGenerator(context -> new EventTimeWatermarks<>(outOfOrderness))
            .withTimestampAssigner(context -> new MessageTimestamps());
    return options.idleness().isZero() ? strategy : strategy.withIdleness(options.idleness());
  }

  /** Flink settings of the job: checkpoints, restarts, restore point, local web UI port. */
  static Configuration configuration(JobOptions options) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.NAME, JOB_NAME);
    // the job's records are immutable and no operator keeps one: chained operators need no copies
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, options.checkpointDir());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
        Duration.ofSeconds(1));
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
        Duration.ofMinutes(1));
    conf.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
        options.restartAttempts());
    options.restoreFrom().ifPresent(path -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path));
    return conf;
  }

  static KafkaSource<String> kafkaSource(JobOptions options) {
    KafkaSourceBuilder<String> builder =
        KafkaSource.<String>builder()
            .setBootstrapServers(options.kafka().bootstrapServers())
            .setProperties(options.kafka().clientProperties())
            .setTopics(options.topic())
            .setGroupId(options.groupId())
            .setClientIdPrefix(options.groupId())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("partition.discovery.interval.ms", "60000");
    if (options.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  static KafkaSink<DeadLetter> deadLetterSink(JobOptions options) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(options.kafka().bootstrapServers())
        .setKafkaProducerConfig(options.kafka().clientProperties())
        .setRecordSerializer(new DeadLetterRecords(options.dlqTopic()))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /** The job on Kafka and the lake, from {@code options}. */
  public static TurnstileAggregationJob fromOptions(JobOptions options) {
    return new TurnstileAggregationJob(
        options,
        kafkaSource(options),
        LakeSinks.aggregates(options.lakeUri()),
        LakeSinks.lateMessages(options.lakeUri()),
        deadLetterSink(options));
  }

  /**
   * Resolves {@code --from-checkpoint latest}, picks the web UI port, and makes the environment: a
   * MiniCluster with the web UI for {@code --local}, else the cluster's (under {@code flink run}).
   */
  static StreamExecutionEnvironment environment(JobOptions options) throws IOException {
    Configuration conf = configuration(options);
    if (options.restoreFrom().filter("latest"::equals).isPresent()) {
      String latest =
          Checkpoints.latest(options.checkpointDir())
              .orElseThrow(
                  () ->
                      new JobOptions.UsageException(
                          "--from-checkpoint latest: no complete checkpoint under "
                              + options.checkpointDir()));
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, latest);
    }
    StreamExecutionEnvironment env;
    if (options.local()) {
      // a cluster loads file system plugins (gs://) itself; a MiniCluster needs this
      FileSystem.initialize(conf, PluginUtils.createPluginManagerFromRootFolder(conf));
      int port = options.restPort() == 0 ? freePort() : options.restPort();
      conf.set(RestOptions.PORT, port);
      conf.set(RestOptions.BIND_PORT, Integer.toString(port));
      env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    } else {
      env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
    if (options.parallelism().isPresent()) {
      env.setParallelism(Math.max(1, options.parallelism().getAsInt()));
    } else if (options.local()) {
      // one subtask runs parser, de-duplicator and windows chained with no shuffle: on a laptop's
      // few cores that beats one subtask per core, which pays for serializing every event
      env.setParallelism(1);
    }
    return env;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Runs the job. Prints {@code flink.job-id=...}, and with {@code --local} {@code
   * flink.rest=http://localhost:PORT} (the web UI and REST API) and waits for the job; on a cluster
   * it returns once the job is submitted.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(JobOptions.USAGE);
      return;
    }
    JobOptions options;
    StreamExecutionEnvironment env;
    try {
      options = JobOptions.parse(args, System.getenv());
      env = environment(options);
    } catch (JobOptions.UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(JobOptions.USAGE);
      System.exit(2);
      return;
    }
    fromOptions(options).build(env);
    System.out.println(
        "turnstile job: kafka "
            + options.kafka().describe()
            + " topic "
            + options.topic()
            + " -> lake "
            + options.lakeUri()
            + ", dead letters -> "
            + options.dlqTopic()
            + ", checkpoints "
            + options.checkpointDir()
            + env.getConfiguration()
                .getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
                .map(p -> ", restored from " + p)
                .orElse(""));
    JobClient job = env.executeAsync(JOB_NAME);
    System.out.println("flink.job-id=" + job.getJobID());
    if (options.local()) {
      System.out.println(
          "flink.rest=http://localhost:" + env.getConfiguration().get(RestOptions.PORT));
      System.out.flush();
      JobExecutionResult result = job.getJobExecutionResult().get();
      System.out.println(summary(result, System.currentTimeMillis()));
    }
  }

  /**
   * {@code flink.summary messages-in=N dead-letters=N duplicates-dropped=N late-events=N
   * aggregates-out=N seconds=S events-per-second=R}: seconds from the first message read to the end
   * of the job, when the last files are committed.
   */
  static String summary(JobExecutionResult result, long endMillis) {
    long in = total(result, JobMetrics.MESSAGES_IN);
    Object first = result.getAccumulatorResult(JobMetrics.FIRST_MESSAGE_AT);
    double seconds =
        first instanceof Long start && start != Long.MAX_VALUE
            ? Math.max(1, endMillis - start) / 1000.0
            : 0;
    return String.format(
        java.util.Locale.ROOT,
        "flink.summary messages-in=%d dead-letters=%d duplicates-dropped=%d late-events=%d"
            + " aggregates-out=%d seconds=%.3f events-per-second=%.0f",
        in,
        total(result, JobMetrics.DEAD_LETTERS),
        total(result, JobMetrics.DUPLICATES_DROPPED),
        total(result, JobMetrics.LATE_EVENTS),
        total(result, JobMetrics.AGGREGATES_OUT),
        seconds,
        seconds > 0 ? in / seconds : 0);
  }

  static long total(JobExecutionResult result, String name) {
    Object value = result.getAccumulatorResult(name);
    return value instanceof Long n ? n : 0;
  }
}
