package dev.platform.core.turnstile;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into stripped fields; double quotes may enclose a field holding commas. */
final class CsvLine {
  private CsvLine() {}

  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    if (line.indexOf('"') < 0) {
      int start = 0;
      for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
        fields.add(line.substring(start, comma).strip());
        start = comma + 1;
      }
      fields.add(line.substring(start).strip());
      return fields;
    }
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }

  /** Quotes a value for CSV output when it needs it. */
  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
