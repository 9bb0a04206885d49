package dev.platform.ml.pipeline;

import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.train.EncodedSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary files of a prepared folder, little-endian, each a header (magic, format, sizes) and
 * then whole columns: an encoded split ({@code rows, width}, labels as bytes, features as float32
 * row after row) and the kept records ({@code rows}, then per record its label, line number and
 * each field as float64 for numbers and a byte for Yes/No and category levels).
 */
final class PreparedFiles {
  private static final int MATRIX_MAGIC = 0x48524d31; // "HRM1"
  private static final int RECORDS_MAGIC = 0x48525231; // "HRR1"
  private static final int CHUNK = 1 << 20;

  private PreparedFiles() {}

  static void writeMatrix(EncodedSet set, Path file) throws IOException {
    try (Writer out = new Writer(file)) {
      out.putInt(MATRIX_MAGIC).putInt(set.rows()).putInt(set.width());
      for (int label : set.labels()) {
        out.put((byte) label);
      }
      for (float value : set.features()) {
        out.putFloat(value);
      }
    }
  }

  static EncodedSet readMatrix(Path file) throws IOException {
    try (Reader in = new Reader(file)) {
      in.expect(MATRIX_MAGIC, file);
      int rows = in.getInt();
      int width = in.getInt();
      int[] labels = new int[rows];
      for (int r = 0; r < rows; r++) {
        labels[r] = in.get();
      }
      float[] features = new float[Math.multiplyExact(rows, width)];
      for (int i = 0; i < features.length; i++) {
        features[i] = in.getFloat();
      }
      return new EncodedSet(features, rows, width, labels);
    }
  }

  static void writeRecords(List<LabeledRecord> records, Path file) throws IOException {
    boolean[] numbers = numberFields();
    try (Writer out = new Writer(file)) {
      out.putInt(RECORDS_MAGIC).putInt(records.size()).putInt(HeartSchema.FIELD_COUNT);
      for (LabeledRecord record : records) {
        out.put((byte) record.label()).putLong(record.line());
        double[] values = record.features().values();
        for (int field = 0; field < values.length; field++) {
          if (numbers[field]) {
            out.putDouble(values[field]);
          } else {
            out.put((byte) values[field]);
          }
        }
      }
    }
  }

  static List<LabeledRecord> readRecords(Path file) throws IOException {
    boolean[] numbers = numberFields();
    try (Reader in = new Reader(file)) {
      in.expect(RECORDS_MAGIC, file);
      int rows = in.getInt();
      int fields = in.getInt();
      if (fields != HeartSchema.FIELD_COUNT) {
        throw new IOException(
            file + " holds " + fields + " fields, not " + HeartSchema.FIELD_COUNT);
      }
      List<LabeledRecord> records = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        int label = in.get();
        long line = in.getLong();
        double[] values = new double[fields];
        for (int field = 0; field < fields; field++) {
          values[field] = numbers[field] ? in.getDouble() : in.get();
        }
        records.add(new LabeledRecord(line, new HeartRecord(values), label));
      }
      return records;
    }
  }

  private static boolean[] numberFields() {
    boolean[] numbers = new boolean[HeartSchema.FIELD_COUNT];
    for (int field = 0; field < numbers.length; field++) {
      numbers[field] = HeartSchema.FIELDS.get(field).kind() == FieldSpec.Kind.NUMBER;
    }
    return numbers;
  }

  /** Buffered little-endian writes to a file channel. */
  private static final class Writer implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    Writer(Path file) throws IOException {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
    }

    private Writer room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
      return this;
    }

    Writer put(byte value) throws IOException {
      room(1).buffer.put(value);
      return this;
    }

    Writer putInt(int value) throws IOException {
      room(4).buffer.putInt(value);
      return this;
    }

    Writer putFloat(float value) throws IOException {
      room(4).buffer.putFloat(value);
      return this;
    }

    Writer putLong(long value) throws IOException {
      room(8).buffer.putLong(value);
      return this;
    }

    Writer putDouble(double value) throws IOException {
      room(8).buffer.putDouble(value);
      return this;
    }

    private void flush() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
      } finally {
        channel.close();
      }
    }
  }

  /** Buffered little-endian reads from a file channel; a short file is an error. */
  private static final class Reader implements AutoCloseable {
    private final FileChannel channel;
    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    Reader(Path file) throws IOException {
      this.file = file;
      channel = FileChannel.open(file, StandardOpenOption.READ);
      buffer.limit(0);
    }

    private ByteBuffer need(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        buffer.compact();
        while (buffer.position() < bytes) {
          if (channel.read(buffer) < 0) {
            throw new IOException(file + " is truncated");
          }
        }
        buffer.flip();
      }
      return buffer;
    }

    void expect(int magic, Path file) throws IOException {
      if (getInt() != magic) {
        throw new IOException(file + " is not a prepared-data file of this format");
      }
    }

    byte get() throws IOException {
      return need(1).get();
    }

    int getInt() throws IOException {
      return need(4).getInt();
    }

    float getFloat() throws IOException {
      return need(4).getFloat();
    }

    long getLong() throws IOException {
      return need(8).getLong();
    }

    double getDouble() throws IOException {
      return need(8).getDouble();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
