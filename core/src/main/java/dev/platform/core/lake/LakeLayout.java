package dev.platform.core.lake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The one layout of the lake. Every key the platform reads or writes is made here.
 *
 * <pre>
 * turnstile/batch/YYYY/turnstile_YYMMDD.csv.gz      a weekly MTA file, validated, canonical gzip CSV
 * turnstile/stream/date=YYYY-MM-DD/part-*.csv.gz    window aggregates committed by the Flink job
 * turnstile/late/date=YYYY-MM-DD/part-*.csv.gz      messages later than the allowed lateness
 * turnstile/quarantine/batch/turnstile_YYMMDD.*     a weekly file that could not be used + .reason.txt
 * turnstile/quarantine/stream/...                   a stream file the warehouse could not load
 * turnstile/quarantine/reference/remote_booth_station.csv   a station table that is not one + .reason.txt
 * turnstile/reference/remote_booth_station.csv      remote/booth -> station reference table
 * heart/raw/&lt;sha256&gt;/&lt;file name&gt;              ingested heart sources, one folder per content
 * heart/models/&lt;version&gt;/...                     promoted model bundles
 * heart/models/CURRENT                              the serving bundle's version
 * heart/models/HISTORY                              every change of CURRENT, one TSV line each
 * reports/turnstile/latest/...                      the traffic dashboard snapshot (JSON + PNG)
 * </pre>
 */
public final class LakeLayout {
  public static final String TURNSTILE_BATCH = "turnstile/batch/";
  public static final String TURNSTILE_STREAM = "turnstile/stream/";
  public static final String TURNSTILE_LATE = "turnstile/late/";
  public static final String TURNSTILE_QUARANTINE = "turnstile/quarantine/";
  public static final String TURNSTILE_REFERENCE = "turnstile/reference/remote_booth_station.csv";
  public static final String TURNSTILE_REFERENCE_QUARANTINE =
      TURNSTILE_QUARANTINE + "reference/remote_booth_station.csv";
  public static final String HEART_RAW = "heart/raw/";
  public static final String HEART_MODELS = "heart/models/";
  public static final String HEART_CURRENT = HEART_MODELS + "CURRENT";
  public static final String HEART_HISTORY = HEART_MODELS + "HISTORY";
  public static final String TURNSTILE_DASHBOARD = "reports/turnstile/latest/";

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("yyMMdd");

  private LakeLayout() {}

  /** The weekly file of the week ending on {@code saturday}. */
  public static String turnstileBatch(LocalDate saturday) {
    return TURNSTILE_BATCH + saturday.getYear() + "/turnstile_" + WEEK.format(saturday) + ".csv.gz";
  }

  /** Where a weekly file that could not be used goes; its reason goes beside it. */
  public static String turnstileBatchQuarantine(LocalDate saturday) {
    return TURNSTILE_QUARANTINE + "batch/turnstile_" + WEEK.format(saturday) + ".csv.gz";
  }

  /**
   * Where a turnstile file the warehouse could not load goes: {@code turnstile/batch/2024/x.csv.gz}
   * to {@code turnstile/quarantine/batch/2024/x.csv.gz}, {@code turnstile/stream/...} to {@code
   * turnstile/quarantine/stream/...}.
   */
  public static String turnstileQuarantine(String key) {
    if (!key.startsWith("turnstile/") || key.startsWith(TURNSTILE_QUARANTINE)) {
      throw new IllegalArgumentException("not a turnstile input file: " + key);
    }
    return TURNSTILE_QUARANTINE + key.substring("turnstile/".length());
  }

  /** The reason file beside a quarantined object. */
  public static String reasonOf(String quarantinedKey) {
    return quarantinedKey + ".reason.txt";
  }

  /** The folder of a heart source with this content. */
  public static String heartRaw(String sha256) {
    return HEART_RAW + sha256 + "/";
  }

  /** The folder of a promoted heart bundle. */
  public static String heartModel(String version) {
    return HEART_MODELS + version + "/";
  }
}
