package dev.platform.flink.turnstile;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.turnstile.StreamAggregate;
import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * The job's files in the lake, gzip CSV committed on checkpoints (bulk formats roll on every
 * checkpoint): a part file becomes visible as {@code part-*.csv.gz} only when the checkpoint that
 * covers it completes, which makes the output exactly once. In-progress files are hidden ({@code
 * .part-*}).
 *
 * <ul>
 *   <li>{@code turnstile/stream/date=YYYY-MM-DD/part-*.csv.gz}: {@link StreamAggregate} rows with
 *       {@link StreamAggregate#HEADER} as each file's first line, bucketed by the window start's
 *       local date;
 *   <li>{@code turnstile/late/date=YYYY-MM-DD/part-*.csv.gz}: the raw lines of messages later than
 *       the allowed lateness (no header: they are messages), bucketed by their event date.
 * </ul>
 */
public final class LakeSinks {
  static final OutputFileConfig PART_FILES =
      OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".csv.gz").build();

  private LakeSinks() {}

  public static FileSink<StreamAggregate> aggregates(String lakeUri) {
    return FileSink.forBulkFormat(
            folder(lakeUri, LakeLayout.TURNSTILE_STREAM),
            GzipCsvWriter.<StreamAggregate>factory(StreamAggregate.HEADER, StreamAggregate::format))
        .withBucketAssigner(new DateBuckets<StreamAggregate>(a -> a.windowStart().toLocalDate()))
        .withOutputFileConfig(PART_FILES)
        .build();
  }

  public static FileSink<TurnstileEvent> lateMessages(String lakeUri) {
    return FileSink.forBulkFormat(
            folder(lakeUri, LakeLayout.TURNSTILE_LATE),
            GzipCsvWriter.<TurnstileEvent>factory(null, TurnstileEvent::raw))
        .withBucketAssigner(new DateBuckets<TurnstileEvent>(e -> e.eventTime().toLocalDate()))
        .withOutputFileConfig(PART_FILES)
        .build();
  }

  /**
   * A lake URI ({@code file:}, {@code gs://}, or a plain folder) and a layout prefix as a Flink
   * path.
   */
  static org.apache.flink.core.fs.Path folder(String lakeUri, String prefix) {
    return new org.apache.flink.core.fs.Path(withSlash(toUri(lakeUri)) + prefix);
  }

  /** A URI for a lake given as a URI or as a plain (possibly relative) folder. */
  public static String toUri(String lakeUri) {
    if (lakeUri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !lakeUri.matches("^[a-zA-Z]:\\\\.*")) {
      return URI.create(lakeUri).toString();
    }
    return Path.of(lakeUri).toAbsolutePath().normalize().toUri().toString();
  }

  private static String withSlash(String uri) {
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
