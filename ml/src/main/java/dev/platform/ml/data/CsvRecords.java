package dev.platform.ml.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A single-pass, byte-level CSV reader (RFC 4180: comma, double quotes, {@code ""} for a quote,
 * CRLF/LF/CR line ends, empty lines skipped), with no object per cell: each record's fields are
 * byte ranges of one reused buffer. Surrounding spaces of a field are left out, as the platform's
 * values never keep them. Field text is UTF-8.
 */
final class CsvRecords {
  private static final int END_OF_FILE = -1;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  private byte[] record = new byte[1024];
  private int recordLength;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int fields;

  CsvRecords(InputStream in) {
    this.in = in;
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      c = read(); // empty lines
    }
    if (c == END_OF_FILE) {
      return false;
    }
    recordLength = 0;
    fields = 0;
    while (true) {
      // one field, c is its first character
      while (c == ' ' || c == '\t') {
        c = read();
      }
      int start = recordLength;
      if (c == '"') {
        c = readQuoted();
        while (c == ' ' || c == '\t') {
          c = read();
        }
        if (c != ',' && c != '\n' && c != '\r' && c != END_OF_FILE) {
          throw new IOException(
              "invalid character '" + (char) c + "' after a quoted value in record " + fields);
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != END_OF_FILE) {
          append(c);
          c = read();
        }
      }
      int end = recordLength;
      while (end > start && isSpace(record[end - 1])) {
        end--;
      }
      addField(start, end);
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        int after = read();
        if (after != '\n' && after != END_OF_FILE) {
          position--; // a lone CR ends the record; keep the next character
        }
      }
      return true;
    }
  }

  /** Reads a quoted value after its opening quote; returns the character after the closing one. */
  private int readQuoted() throws IOException {
    while (true) {
      int c = read();
      if (c == END_OF_FILE) {
        throw new IOException("end of file inside a quoted value");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          return after;
        }
      }
      append(c);
    }
  }

  int fieldCount() {
    return fields;
  }

  /** The field's bytes are {@code bytes()[start(i) .. end(i))}. */
  byte[] bytes() {
    return record;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  String text(int field) {
    return new String(record, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  /** Whether the field is exactly {@code expected} (ASCII), optionally ignoring case. */
  boolean is(int field, byte[] expected, boolean ignoreCase) {
    int start = starts[field];
    int length = ends[field] - start;
    if (length != expected.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      byte actual = record[start + i];
      if (actual != expected[i]
          && !(ignoreCase && (actual | 0x20) == (expected[i] | 0x20) && isLetter(actual))) {
        return false;
      }
    }
    return true;
  }

  boolean isEmpty(int field) {
    return ends[field] == starts[field];
  }

  private static boolean isLetter(byte b) {
    int lower = b | 0x20;
    return lower >= 'a' && lower <= 'z';
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }

  private void addField(int start, int end) {
    if (fields == starts.length) {
      starts = Arrays.copyOf(starts, fields * 2);
      ends = Arrays.copyOf(ends, fields * 2);
    }
    starts[fields] = start;
    ends[fields] = end;
    fields++;
  }

  private void append(int c) {
    if (recordLength == record.length) {
      record = Arrays.copyOf(record, record.length * 2);
    }
    record[recordLength++] = (byte) c;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return END_OF_FILE;
      }
    }
    return buffer[position++] & 0xff;
  }
}
