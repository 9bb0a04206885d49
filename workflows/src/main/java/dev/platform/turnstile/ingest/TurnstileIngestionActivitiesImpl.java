package dev.platform.turnstile.ingest;

import dev.platform.core.ingest.IngestionResult;
import dev.platform.core.ingest.StationReferenceIngestion;
import dev.platform.core.ingest.TurnstileWeekIngestion;
import dev.platform.core.ingest.TurnstileWeekSource;
import dev.platform.core.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** Thin: resolves the source and calls the ingestion functions of {@code core}. */
public class TurnstileIngestionActivitiesImpl implements TurnstileIngestionActivities {
  private final Lake lake;
  private final TurnstileWeekSource defaultSource;
  private final Path workFolder;

  /**
   * @param defaultSource used when a request names no source
   * @param workFolder temporary files while a week is read
   */
  public TurnstileIngestionActivitiesImpl(
      Lake lake, TurnstileWeekSource defaultSource, Path workFolder) {
    this.lake = lake;
    this.defaultSource = defaultSource;
    this.workFolder = workFolder;
  }

  @Override
  public IngestionResult ingestReference(String source) {
    try {
      return new StationReferenceIngestion(lake, resolve(source)).ingest();
    } catch (IOException e) {
      throw new UncheckedIOException("station reference: " + e.getMessage(), e);
    }
  }

  @Override
  public IngestionResult ingestWeek(LocalDate saturday, String source) {
    try {
      return new TurnstileWeekIngestion(lake, resolve(source), workFolder).ingest(saturday);
    } catch (IOException e) {
      throw new UncheckedIOException(saturday + ": " + e.getMessage(), e);
    }
  }

  private TurnstileWeekSource resolve(String source) {
    return source == null || source.isBlank() ? defaultSource : TurnstileWeekSource.parse(source);
  }
}
