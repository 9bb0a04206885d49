package dev.platform.ml.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Horizontal bars drawn with Java2D, since XChart has no horizontal bar chart. */
final class RankingChart {
  private static final Color BAR = new Color(0x4C72B0);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final int ROW_HEIGHT = 28;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;
  private static final int RIGHT = 80;
  private static final int TICKS = 5;

  private RankingChart() {}

  static void write(String title, String xTitle, List<String> labels, List<Double> values, Path png)
      throws IOException {
    if (labels.size() != values.size()) {
      throw new IllegalArgumentException(
          "%d labels for %d values".formatted(labels.size(), values.size()));
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("nothing to rank");
    }
    for (int i = 0; i < values.size(); i++) {
      double value = values.get(i);
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException(
            "value for " + labels.get(i) + " must be finite and >= 0, got " + value);
      }
    }
    int height = Math.max(Charts.HEIGHT, TOP + BOTTOM + labels.size() * ROW_HEIGHT);
    try (Canvas canvas = new Canvas(Charts.WIDTH, height)) {
      draw(canvas, title, xTitle, labels, values);
      canvas.writePng(png);
    }
  }

  private static void draw(
      Canvas canvas, String title, String xTitle, List<String> labels, List<Double> values) {
    int labelWidth = 0;
    for (String label : labels) {
      labelWidth = Math.max(labelWidth, canvas.textWidth(Canvas.LABEL, label));
    }
    int left = Math.min(20 + labelWidth + 10, canvas.width() / 2);
    int right = canvas.width() - RIGHT;
    int plotBottom = canvas.height() - BOTTOM;
    int rowHeight = Math.min(40, (plotBottom - TOP) / labels.size());
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double scaleMax = niceCeiling(max);

    canvas.centered(Canvas.TITLE, title, canvas.width() / 2, 28);
    canvas.g.setStroke(new BasicStroke(1f));
    for (int tick = 0; tick <= TICKS; tick++) {
      double tickValue = scaleMax * tick / TICKS;
      int x = left + (int) Math.round((right - left) * tickValue / scaleMax);
      canvas.g.setColor(GRID);
      canvas.g.drawLine(x, TOP, x, plotBottom);
      canvas.g.setColor(Color.DARK_GRAY);
      canvas.centered(Canvas.LABEL, formatTick(tickValue), x, plotBottom + 14);
    }
    for (int i = 0; i < labels.size(); i++) {
      int middle = TOP + i * rowHeight + rowHeight / 2;
      int barWidth = (int) Math.round((right - left) * values.get(i) / scaleMax);
      canvas.g.setColor(BAR);
      canvas.g.fillRect(left, middle - rowHeight * 3 / 8, barWidth, rowHeight * 3 / 4);
      canvas.g.setColor(Color.BLACK);
      canvas.rightAligned(Canvas.LABEL, fit(canvas, labels.get(i), left - 18), left - 8, middle);
      canvas.leftAligned(Canvas.LABEL, format(values.get(i)), left + barWidth + 5, middle);
    }
    canvas.g.setColor(Color.BLACK);
    canvas.g.drawLine(left, TOP, left, plotBottom);
    canvas.g.drawLine(left, plotBottom, right, plotBottom);
    canvas.centered(Canvas.AXIS_TITLE, xTitle, (left + right) / 2, plotBottom + 42);
  }

  /** Cuts a label that would not fit in the margin, ending it with an ellipsis. */
  private static String fit(Canvas canvas, String label, int maxWidth) {
    if (canvas.textWidth(Canvas.LABEL, label) <= maxWidth) {
      return label;
    }
    String cut = label;
    while (cut.length() > 1 && canvas.textWidth(Canvas.LABEL, cut + "...") > maxWidth) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String formatTick(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String format(double value) {
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.2f" : "%.4f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
