package dev.platform.core.ingest;

import java.util.List;

/**
 * What ingesting one source file into the lake did.
 *
 * @param subject what was ingested: the week's Saturday ({@code 2024-01-06}) or {@code station
 *     reference}
 * @param status stored, unchanged, missing or quarantined
 * @param source where it was read from
 * @param goodRows readings (or table rows) kept
 * @param badLineCount lines that are not readings, all of them
 * @param badLines the first {@link TurnstileWeekIngestion#BAD_LINES_REPORTED} of them
 * @param sha256 SHA-256 of the object in the lake (stored, or quarantined); empty when missing
 * @param lakeKey the object's key; empty when missing
 * @param summary one line for people
 */
public record IngestionResult(
    String subject,
    IngestionStatus status,
    String source,
    long goodRows,
    long badLineCount,
    List<BadLine> badLines,
    String sha256,
    String lakeKey,
    String summary) {

  public IngestionResult {
    badLines = List.copyOf(badLines);
  }
}
