package dev.platform.flink.turnstile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes one gzip CSV part file: an optional header line, then one line per element. The {@code
 * FileSink} owns the stream: {@link #finish()} completes the gzip member without closing it.
 */
public final class GzipCsvWriter<T> implements BulkWriter<T> {
  private final GZIPOutputStream gzip;
  private final Writer writer;
  private final SerializableFunction<T, String> line;

  private GzipCsvWriter(OutputStream out, String header, SerializableFunction<T, String> line)
      throws IOException {
    this.gzip = new GZIPOutputStream(out, 64 * 1024);
    this.writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
    this.line = line;
    if (header != null) {
      writer.write(header);
      writer.write('\n');
    }
  }

  /**
   * @param header the first line of every part file, or null for none
   * @param line one element as a CSV line without its line break
   */
  public static <T> BulkWriter.Factory<T> factory(
      String header, SerializableFunction<T, String> line) {
    return (FSDataOutputStream out) -> new GzipCsvWriter<>(out, header, line);
  }

  @Override
  public void addElement(T element) throws IOException {
    writer.write(line.apply(element));
    writer.write('\n');
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
    gzip.flush();
  }

  @Override
  public void finish() throws IOException {
    writer.flush();
    gzip.finish();
  }
}
