package dev.platform.warehouse;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A query's columns and rows, values as text (null stays null). */
public record QueryResult(List<String> columns, List<List<String>> rows) {

  static QueryResult of(ResultSet resultSet) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<String> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        Object value = resultSet.getObject(i);
        row.add(value == null ? null : value.toString());
      }
      rows.add(row);
    }
    return new QueryResult(List.copyOf(columns), rows);
  }

  /** The value in the first row of a column. */
  public String first(String column) {
    return rows.get(0).get(columns.indexOf(column));
  }
}
