package dev.platform.warehouse;

import dev.platform.warehouse.DashboardSnapshot.Daily;
import dev.platform.warehouse.DashboardSnapshot.Hour;
import dev.platform.warehouse.DashboardSnapshot.StationTraffic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The dashboard's PNG charts, drawn from a snapshot's figures. */
final class DashboardCharts {
  static final String DAILY_TRAFFIC = "daily_traffic.png";
  static final String BUSIEST_STATIONS = "busiest_stations.png";
  static final String HOURLY_PROFILE = "hourly_profile.png";
  static final String BATCH_VS_STREAM = "batch_vs_stream.png";
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;

  private DashboardCharts() {}

  /** Chart file name -> PNG bytes; charts without data are left out. */
  static Map<String, byte[]> draw(DashboardSnapshot snapshot) throws IOException {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    List<Daily> batch = snapshot.daily().stream().filter(d -> d.source().equals("batch")).toList();
    List<Daily> stream =
        snapshot.daily().stream().filter(d -> d.source().equals("stream")).toList();
    List<Daily> daily = batch.isEmpty() ? stream : batch;
    if (!daily.isEmpty()) {
      Map<String, List<Double>> series = new LinkedHashMap<>();
      series.put("entries", daily.stream().map(d -> (double) d.entries()).toList());
      series.put("exits", daily.stream().map(d -> (double) d.exits()).toList());
      charts.put(
          DAILY_TRAFFIC,
          png(
              bars(
                  "Daily traffic (" + (batch.isEmpty() ? "stream" : "batch") + ")",
                  "day",
                  "people",
                  daily.stream().map(Daily::date).toList(),
                  series)));
    }
    List<StationTraffic> busiest = snapshot.busiestStations();
    if (!busiest.isEmpty()) {
      Map<String, List<Double>> series = new LinkedHashMap<>();
      series.put("entries", busiest.stream().map(s -> (double) s.entries()).toList());
      series.put("exits", busiest.stream().map(s -> (double) s.exits()).toList());
      charts.put(
          BUSIEST_STATIONS,
          png(
              bars(
                  "Busiest stations",
                  "station",
                  "people",
                  busiest.stream().map(StationTraffic::station).toList(),
                  series)));
    }
    List<Hour> hours = snapshot.hourlyProfile().hours();
    if (!hours.isEmpty()) {
      Map<String, List<Double>> series = new LinkedHashMap<>();
      series.put("entries", hours.stream().map(h -> (double) h.entries()).toList());
      series.put("exits", hours.stream().map(h -> (double) h.exits()).toList());
      charts.put(
          HOURLY_PROFILE,
          png(
              bars(
                  "Hour of day at " + snapshot.hourlyProfile().station(),
                  "hour the interval starts",
                  "people",
                  hours.stream().map(h -> String.format("%02d", h.hour())).toList(),
                  series)));
    }
    if (!stream.isEmpty()) {
      charts.put(BATCH_VS_STREAM, png(batchVsStream(batch, stream)));
    }
    return charts;
  }

  private static CategoryChart batchVsStream(List<Daily> batch, List<Daily> stream) {
    TreeSet<String> days = new TreeSet<>();
    batch.forEach(d -> days.add(d.date()));
    stream.forEach(d -> days.add(d.date()));
    List<String> categories = new ArrayList<>(days);
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("batch entries", entriesByDay(batch, categories));
    series.put("stream entries", entriesByDay(stream, categories));
    return bars("Batch vs stream entries per day", "day", "people", categories, series);
  }

  private static List<Double> entriesByDay(List<Daily> daily, List<String> days) {
    Map<String, Double> byDay = new LinkedHashMap<>();
    daily.forEach(d -> byDay.merge(d.date(), (double) d.entries(), Double::sum));
    return days.stream().map(day -> byDay.getOrDefault(day, 0.0)).toList();
  }

  private static CategoryChart bars(
      String title,
      String xTitle,
      String yTitle,
      List<String> categories,
      Map<String, List<Double>> series) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    if (categories.size() > 8) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    series.forEach((name, values) -> chart.addSeries(name, categories, values));
    return chart;
  }

  private static byte[] png(CategoryChart chart) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    return out.toByteArray();
  }
}
