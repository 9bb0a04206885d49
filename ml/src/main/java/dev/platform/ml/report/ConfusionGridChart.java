package dev.platform.ml.report;

import dev.platform.ml.eval.ConfusionMatrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Up to four confusion matrices on a 2x2 grid, drawn with Java2D. */
final class ConfusionGridChart {
  static final int MAX_MODELS = 4;
  static final int HEIGHT = 700;

  private static final Font COUNT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color CORRECT = new Color(0x2E7D32);
  private static final Color WRONG = new Color(0xC62828);
  private static final List<String> CLASSES = List.of("No", "Yes");

  private ConfusionGridChart() {}

  static void write(Map<String, ConfusionMatrix> byModel, Path png) throws IOException {
    if (byModel.isEmpty() || byModel.size() > MAX_MODELS) {
      throw new IllegalArgumentException(
          "a confusion grid shows 1 to %d models, got %d".formatted(MAX_MODELS, byModel.size()));
    }
    try (Canvas canvas = new Canvas(Charts.WIDTH, HEIGHT)) {
      canvas.centered(Canvas.TITLE, "Confusion matrices", canvas.width() / 2, 24);
      int panelWidth = canvas.width() / 2;
      int panelHeight = (canvas.height() - 44) / 2;
      List<Map.Entry<String, ConfusionMatrix>> entries = new ArrayList<>(byModel.entrySet());
      for (int i = 0; i < entries.size(); i++) {
        int x = (i % 2) * panelWidth;
        int y = 44 + (i / 2) * panelHeight;
        drawPanel(canvas, entries.get(i).getKey(), entries.get(i).getValue(), x, y, panelWidth);
      }
      canvas.writePng(png);
    }
  }

  /** One matrix: rows are the actual class, columns the predicted class, No before Yes. */
  private static void drawPanel(
      Canvas canvas, String model, ConfusionMatrix matrix, int x, int y, int width) {
    long[][] counts = {
      {matrix.trueNegatives(), matrix.falsePositives()},
      {matrix.falseNegatives(), matrix.truePositives()}
    };
    String[][] names = {{"TN", "FP"}, {"FN", "TP"}};
    long total = Math.max(1, matrix.total());
    int cellWidth = 150;
    int cellHeight = 90;
    int gridLeft = x + (width - 2 * cellWidth) / 2 + 30;
    int gridTop = y + 70;

    canvas.g.setColor(Color.BLACK);
    canvas.centered(Canvas.AXIS_TITLE.deriveFont(Font.BOLD), model, x + width / 2, y + 14);
    canvas.centered(Canvas.AXIS_TITLE, "predicted", gridLeft + cellWidth, y + 38);
    canvas.vertical(Canvas.AXIS_TITLE, "actual", gridLeft - 62, gridTop + cellHeight);
    for (int k = 0; k < 2; k++) {
      canvas.centered(
          Canvas.LABEL, CLASSES.get(k), gridLeft + k * cellWidth + cellWidth / 2, gridTop - 12);
      canvas.rightAligned(
          Canvas.LABEL, CLASSES.get(k), gridLeft - 10, gridTop + k * cellHeight + cellHeight / 2);
    }
    for (int row = 0; row < 2; row++) {
      for (int col = 0; col < 2; col++) {
        int cellX = gridLeft + col * cellWidth;
        int cellY = gridTop + row * cellHeight;
        double share = (double) counts[row][col] / total;
        canvas.g.setColor(shade(row == col ? CORRECT : WRONG, share));
        canvas.g.fillRect(cellX, cellY, cellWidth, cellHeight);
        canvas.g.setColor(Color.GRAY);
        canvas.g.setStroke(new BasicStroke(1f));
        canvas.g.drawRect(cellX, cellY, cellWidth, cellHeight);
        canvas.g.setColor(Color.BLACK);
        int middle = cellX + cellWidth / 2;
        canvas.centered(
            COUNT, String.format(Locale.ROOT, "%,d", counts[row][col]), middle, cellY + 36);
        canvas.centered(
            SMALL,
            String.format(Locale.ROOT, "%s  %.1f%%", names[row][col], 100 * share),
            middle,
            cellY + 64);
      }
    }
  }

  /** A light tint of the colour, stronger for a larger share, always light enough for text. */
  private static Color shade(Color base, double share) {
    double strength = 0.12 + 0.45 * Math.sqrt(Math.min(1, share));
    return new Color(
        mix(base.getRed(), strength),
        mix(base.getGreen(), strength),
        mix(base.getBlue(), strength));
  }

  private static int mix(int channel, double strength) {
    return (int) Math.round(255 - (255 - channel) * strength);
  }
}
