package dev.platform.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code .sql} file of {@code sql/}, split into named sections: a line {@code -- name: X}
 * starts section X, which runs to the next such line. A section may hold several statements. {@code
 * {{name}}} placeholders are replaced by {@link #section(String, Map)}.
 */
final class SqlScript {
  private static final String MARKER = "-- name:";

  private final String file;
  private final Map<String, String> sections;

  private SqlScript(String file, Map<String, String> sections) {
    this.file = file;
    this.sections = sections;
  }

  static SqlScript load(String file) {
    String resource = "/sql/" + file;
    try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + resource);
      }
      return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SqlScript parse(String file, String text) {
    Map<String, String> sections = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(MARKER)) {
        if (name != null) {
          sections.put(name, body.toString().strip());
        }
        name = line.substring(MARKER.length()).strip();
        body.setLength(0);
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      sections.put(name, body.toString().strip());
    }
    return new SqlScript(file, sections);
  }

  String file() {
    return file;
  }

  boolean has(String name) {
    return sections.containsKey(name);
  }

  /** Section names starting with {@code prefix}, in file order. */
  List<String> names(String prefix) {
    List<String> names = new ArrayList<>();
    for (String name : sections.keySet()) {
      if (name.startsWith(prefix)) {
        names.add(name);
      }
    }
    return names;
  }

  String section(String name) {
    return section(name, Map.of());
  }

  String section(String name, Map<String, String> values) {
    String sql = sections.get(name);
    if (sql == null) {
      throw new IllegalStateException(file + " has no section '" + name + "'");
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      sql = sql.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    if (sql.contains("{{")) {
      throw new IllegalStateException(file + " section '" + name + "' has an unset placeholder");
    }
    return sql;
  }

  /** A value as a SQL string literal's content (single quotes doubled). */
  static String literal(String value) {
    return value.replace("'", "''");
  }
}
