package dev.platform.core.csv;

import java.util.function.Function;

/**
 * One column of a {@link CsvLayout}: its name, where its value comes from in a record, and how the
 * value is spelled.
 *
 * @param <T> the record
 * @param <V> the column's value
 */
public final class CsvColumn<T, V> {
  private final int index;
  private final String name;
  private final Function<T, V> getter;
  private final CsvValue<V> value;

  CsvColumn(int index, String name, Function<T, V> getter, CsvValue<V> value) {
    this.index = index;
    this.name = name;
    this.getter = getter;
    this.value = value;
  }

  /** The position in the layout, from 0. */
  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  String format(T record) {
    return value.format(getter.apply(record));
  }

  V parse(String text) {
    try {
      return value.parse(text);
    } catch (RuntimeException e) {
      if (!CsvValue.isBadText(e)) {
        throw e;
      }
      throw new CsvRecordException(
          name + ": not " + value.spelling() + ": " + CsvRecordException.quote(text));
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
