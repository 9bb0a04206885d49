package dev.platform.warehouse;

import dev.platform.core.turnstile.TrafficRules;
import java.util.List;
import java.util.Map;

/**
 * The warehouse's SQL files, in the order they build on each other: manifest, staging, dimensions,
 * facts, the traffic view, report views, checks. Each states its grain and key.
 */
final class SqlModels {
  static final SqlScript MANIFEST = SqlScript.load("00_load_manifest.sql");
  static final SqlScript STG_BATCH = SqlScript.load("10_stg_turnstile_batch.sql");
  static final SqlScript STG_STREAM = SqlScript.load("11_stg_turnstile_stream.sql");
  static final SqlScript STG_REFERENCE = SqlScript.load("12_stg_booth_reference.sql");
  static final SqlScript DIM_DATE = SqlScript.load("20_dim_date.sql");
  static final SqlScript DIM_STATION = SqlScript.load("21_dim_station.sql");
  static final SqlScript DIM_BOOTH = SqlScript.load("22_dim_booth.sql");
  static final SqlScript FACT_TURNSTILE = SqlScript.load("30_fact_turnstile.sql");
  static final SqlScript TRAFFIC = SqlScript.load("40_turnstile_traffic.sql");
  static final SqlScript CHECKS = SqlScript.load("60_checks.sql");

  static final List<SqlScript> ALL =
      List.of(
          MANIFEST,
          STG_BATCH,
          STG_STREAM,
          STG_REFERENCE,
          DIM_DATE,
          DIM_STATION,
          DIM_BOOTH,
          FACT_TURNSTILE,
          TRAFFIC,
          SqlScript.load("50_rpt_turnstile.sql"),
          SqlScript.load("51_rpt_station_daily_traffic.sql"),
          SqlScript.load("52_rpt_station_hourly_profile.sql"),
          SqlScript.load("53_rpt_busiest_stations_weekly.sql"),
          CHECKS);

  /** Values every section may use: the traffic rules' constants, one source of truth. */
  static final Map<String, String> CONSTANTS =
      Map.of("MAX_INTERVAL_DELTA", Long.toString(TrafficRules.MAX_INTERVAL_DELTA));

  private SqlModels() {}

  /** Every {@code create} section in order: tables if missing, views replaced. */
  static List<String> createStatements() {
    return ALL.stream()
        .filter(script -> script.has("create"))
        .map(script -> script.section("create", CONSTANTS))
        .toList();
  }
}
