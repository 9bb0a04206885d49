package dev.platform.ml.data;

import java.util.Arrays;

/**
 * One person's answers: a value per {@link HeartSchema#FIELDS} entry, already validated (numbers as
 * is, Yes/No as 1/0, categories as level index).
 */
public record HeartRecord(double[] values) {

  public HeartRecord {
    if (values.length != HeartSchema.FIELD_COUNT) {
      throw new IllegalArgumentException(
          "expected " + HeartSchema.FIELD_COUNT + " values, got " + values.length);
    }
  }

  public double value(int fieldIndex) {
    return values[fieldIndex];
  }

  public double value(String fieldName) {
    return values[HeartSchema.indexOf(fieldName).orElseThrow()];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HeartRecord record && Arrays.equals(values, record.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("HeartRecord{");
    for (int i = 0; i < values.length; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      text.append(i == 0 ? "" : ", ").append(field.name()).append('=');
      text.append(field.formatValue(values[i]));
    }
    return text.append('}').toString();
  }
}
