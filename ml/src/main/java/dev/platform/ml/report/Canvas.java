package dev.platform.ml.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A white image with antialiased text, and the text helpers shared by the Java2D charts. */
final class Canvas implements AutoCloseable {
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

  final BufferedImage image;
  final Graphics2D g;

  Canvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
  }

  int width() {
    return image.getWidth();
  }

  int height() {
    return image.getHeight();
  }

  int textWidth(Font font, String text) {
    return g.getFontMetrics(font).stringWidth(text);
  }

  /** Draws text centred horizontally on {@code centerX} with its vertical middle at {@code y}. */
  void centered(Font font, String text, int centerX, int middleY) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int baseline = middleY + (metrics.getAscent() - metrics.getDescent()) / 2;
    g.drawString(text, centerX - metrics.stringWidth(text) / 2, baseline);
  }

  /** Draws text ending at {@code rightX} with its vertical middle at {@code y}. */
  void rightAligned(Font font, String text, int rightX, int middleY) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int baseline = middleY + (metrics.getAscent() - metrics.getDescent()) / 2;
    g.drawString(text, rightX - metrics.stringWidth(text), baseline);
  }

  /** Draws text starting at {@code leftX} with its vertical middle at {@code y}. */
  void leftAligned(Font font, String text, int leftX, int middleY) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int baseline = middleY + (metrics.getAscent() - metrics.getDescent()) / 2;
    g.drawString(text, leftX, baseline);
  }

  /** Draws text turned 90 degrees counter-clockwise, centred on the point. */
  void vertical(Font font, String text, int centerX, int centerY) {
    Graphics2D turned = (Graphics2D) g.create();
    try {
      turned.translate(centerX, centerY);
      turned.rotate(-Math.PI / 2);
      turned.setFont(font);
      FontMetrics metrics = turned.getFontMetrics();
      int baseline = (metrics.getAscent() - metrics.getDescent()) / 2;
      turned.drawString(text, -metrics.stringWidth(text) / 2, baseline);
    } finally {
      turned.dispose();
    }
  }

  void writePng(Path png) throws IOException {
    Charts.createParent(png);
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer available for " + png);
    }
  }

  @Override
  public void close() {
    g.dispose();
  }
}
