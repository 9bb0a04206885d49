package dev.platform.api;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A traffic dashboard snapshot as a warehouse load writes it ({@code reports/turnstile/latest/}):
 * the JSON and small PNG charts drawn here with ImageIO.
 */
public final class TrafficFixture {
  public static final List<String> CHARTS =
      List.of("daily_traffic.png", "busiest_stations.png", "hourly_profile.png");

  public static final String JSON =
      """
      {"generatedAt": "2024-02-11T06:00:00Z",
       "tables": {"dim_station": 379, "dim_booth": 742, "dim_date": 5844, "fact_turnstile": 1007676},
       "totals": {"batchEntries": 61234567, "batchExits": 48765432, "streamEntries": 0,
                  "streamExits": 0, "unknownIntervals": 4321},
       "daily": [{"date": "2024-01-06", "source": "batch", "entries": 3100200, "exits": 2500100},
                 {"date": "2024-01-07", "source": "batch", "entries": 2900100, "exits": 2400300}],
       "busiestStations": [{"station": "34 ST-PENN STA", "entries": 1987654, "exits": 1876543},
                           {"station": "GRD CNTRL-42 ST", "entries": 1765432, "exits": 1654321},
                           {"station": "59 ST", "entries": 876543, "exits": 765432}],
       "hourlyProfile": {"station": "59 ST",
                         "hours": [{"hour": 8, "entries": 12000, "exits": 9000},
                                   {"hour": 12, "entries": 15000, "exits": 14000}]},
       "checks": [{"name": "unique_log_id", "passed": true, "detail": "0 duplicates"},
                  {"name": "traffic_non_negative", "passed": true, "detail": "0 negative intervals"}],
       "charts": ["daily_traffic.png", "busiest_stations.png", "hourly_profile.png"]}
      """;

  private TrafficFixture() {}

  /** Writes the snapshot and its charts; returns each chart's bytes by name. */
  public static Map<String, byte[]> write(Lake lake) throws IOException {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    int shade = 60;
    for (String chart : CHARTS) {
      byte[] png = png(new Color(shade, 120, 200));
      lake.put(LakeLayout.TURNSTILE_DASHBOARD + chart, png);
      charts.put(chart, png);
      shade += 60;
    }
    lake.put(LakeLayout.TURNSTILE_DASHBOARD + "not_listed.png", png(Color.RED));
    lake.put(
        LakeLayout.TURNSTILE_DASHBOARD + "dashboard.json", JSON.getBytes(StandardCharsets.UTF_8));
    return charts;
  }

  /** Removes every object of the snapshot. */
  public static void clear(Lake lake) throws IOException {
    for (var object : lake.list(LakeLayout.TURNSTILE_DASHBOARD)) {
      lake.delete(object.key());
    }
  }

  private static byte[] png(Color color) throws IOException {
    BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, 320, 200);
    graphics.setColor(color);
    graphics.fillRect(40, 60, 60, 120);
    graphics.fillRect(140, 30, 60, 150);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
