package dev.platform.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.warehouse.DashboardSnapshot.Check;
import dev.platform.warehouse.DashboardSnapshot.Daily;
import dev.platform.warehouse.DashboardSnapshot.Hour;
import dev.platform.warehouse.DashboardSnapshot.HourlyProfile;
import dev.platform.warehouse.DashboardSnapshot.StationTraffic;
import dev.platform.warehouse.DashboardSnapshot.Totals;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic dashboard snapshot: figures read from the report views on a read-only connection,
 * charts drawn from them, all written to {@code reports/turnstile/latest/} (charts first, the JSON
 * last, so the JSON never names a chart that is not there).
 */
public final class Dashboard {
  public static final String JSON = "dashboard.json";
  static final int BUSIEST = 10;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Dashboard() {}

  /** Reads the figures; {@code station} chooses the hourly profile (default: the busiest). */
  public static DashboardSnapshot read(WarehouseDatabase database, Optional<String> station) {
    try (Connection connection = database.openReadOnly();
        Statement statement = connection.createStatement()) {
      Map<String, Long> tables = new LinkedHashMap<>();
      for (String table : List.of("dim_station", "dim_booth", "dim_date", "fact_turnstile")) {
        tables.put(table, Warehouse.count(statement, "select count(*) from " + table));
      }
      Totals totals;
      try (ResultSet row =
          statement.executeQuery(
              """
              select
                  coalesce(sum(entries) filter (where source = 'batch'), 0),
                  coalesce(sum(exits) filter (where source = 'batch'), 0),
                  coalesce(sum(entries) filter (where source = 'stream'), 0),
                  coalesce(sum(exits) filter (where source = 'stream'), 0),
                  count(*) filter (where entries is null or exits is null)
              from traffic_intervals""")) {
        row.next();
        totals =
            new Totals(
                row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
      }
      List<Daily> daily = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              """
              select date_day, source, sum(entries), sum(exits)
              from rpt_station_daily_traffic
              group by all
              order by date_day, source""")) {
        while (rows.next()) {
          daily.add(
              new Daily(
                  rows.getDate(1).toLocalDate().toString(),
                  rows.getString(2),
                  rows.getLong(3),
                  rows.getLong(4)));
        }
      }
      List<StationTraffic> busiest = busiestStations(statement, BUSIEST);
      String profiled = station.orElse(busiest.isEmpty() ? "" : busiest.get(0).station());
      HourlyProfile profile = new HourlyProfile(profiled, hourlyProfile(connection, profiled));
      return new DashboardSnapshot(
          Instant.now().toString(),
          tables,
          totals,
          daily,
          busiest,
          profile,
          lastChecks(statement),
          List.of());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the dashboard figures: " + e.getMessage(), e);
    }
  }

  /** Writes the charts and the JSON to the lake; returns the snapshot as written. */
  public static DashboardSnapshot publish(Lake lake, DashboardSnapshot snapshot)
      throws IOException {
    Map<String, byte[]> charts = DashboardCharts.draw(snapshot);
    for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
      lake.put(LakeLayout.TURNSTILE_DASHBOARD + chart.getKey(), chart.getValue());
    }
    if (!charts.containsKey(DashboardCharts.BATCH_VS_STREAM)) {
      lake.delete(LakeLayout.TURNSTILE_DASHBOARD + DashboardCharts.BATCH_VS_STREAM);
    }
    DashboardSnapshot written = snapshot.withCharts(List.copyOf(charts.keySet()));
    lake.put(LakeLayout.TURNSTILE_DASHBOARD + JSON, MAPPER.writeValueAsBytes(written));
    return written;
  }

  /** Reads a published snapshot back. */
  public static DashboardSnapshot parse(byte[] json) throws IOException {
    return MAPPER.readValue(json, DashboardSnapshot.class);
  }

  static List<StationTraffic> busiestStations(Statement statement, int limit) throws SQLException {
    List<StationTraffic> busiest = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "select station_name, sum(entries), sum(exits) from rpt_station_daily_traffic"
                + " group by station_name order by sum(entries) + sum(exits) desc, station_name"
                + " limit "
                + limit)) {
      while (rows.next()) {
        busiest.add(new StationTraffic(rows.getString(1), rows.getLong(2), rows.getLong(3)));
      }
    }
    return busiest;
  }

  private static List<Hour> hourlyProfile(Connection connection, String station)
      throws SQLException {
    List<Hour> hours = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select hour, sum(entries), sum(exits) from rpt_station_hourly_profile"
                + " where station_name = ? group by hour order by hour")) {
      query.setString(1, station);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          hours.add(new Hour(rows.getInt(1), rows.getLong(2), rows.getLong(3)));
        }
      }
    }
    return hours;
  }

  private static List<Check> lastChecks(Statement statement) throws SQLException {
    List<Check> checks = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            """
            select name, passed, detail from check_results
            where run_id = (select run_id from check_results order by checked_at desc limit 1)
            order by name""")) {
      while (rows.next()) {
        checks.add(new Check(rows.getString(1), rows.getBoolean(2), rows.getString(3)));
      }
    }
    return checks;
  }
}
