package dev.platform.ml.features;

import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fitted encoding: numbers and Yes/No fields are one column each, every categorical level seen
 * in training data is a one-hot column {@code field=level}, and an ordered category (age band,
 * general health) also gets a {@code field#rank} column with the level's position, so trees and
 * linear models can use the order. A level unseen in training has no hot column, as with
 * scikit-learn's DictVectorizer in the original study.
 *
 * @param categoryLevels for each categorical field, the level indexes seen in training, ascending
 */
public record FeatureEncoding(Map<String, List<Integer>> categoryLevels) {

  /** One encoded column: which field it comes from and how. */
  public record Column(String name, int field, Role role, int level) {}

  /** How a column is derived from its field. */
  public enum Role {
    VALUE,
    ONE_HOT,
    RANK
  }

  public FeatureEncoding {
    categoryLevels = Map.copyOf(categoryLevels);
  }

  /** Learns the categorical levels present in the training rows. */
  public static FeatureEncoding fit(List<LabeledRecord> training) {
    Map<String, List<Integer>> levels = new TreeMap<>();
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      if (field.kind() == FieldSpec.Kind.CATEGORY) {
        boolean[] seen = new boolean[field.levels().size()];
        for (LabeledRecord row : training) {
          seen[(int) row.features().value(i)] = true;
        }
        List<Integer> present = new ArrayList<>();
        for (int level = 0; level < seen.length; level++) {
          if (seen[level]) {
            present.add(level);
          }
        }
        levels.put(field.name(), List.copyOf(present));
      }
    }
    return new FeatureEncoding(levels);
  }

  /** The encoded columns, in order. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      if (field.kind() != FieldSpec.Kind.CATEGORY) {
        columns.add(new Column(field.name(), i, Role.VALUE, -1));
        continue;
      }
      for (int level : categoryLevels.get(field.name())) {
        columns.add(
            new Column(field.name() + "=" + field.levels().get(level), i, Role.ONE_HOT, level));
      }
      if (field.ordered()) {
        columns.add(new Column(field.name() + "#rank", i, Role.RANK, -1));
      }
    }
    return columns;
  }

  public List<String> columnNames() {
    return columns().stream().map(Column::name).toList();
  }

  public int width() {
    return columns().size();
  }

  /** Compiles this encoding into an allocation-free encoder for the scoring hot path. */
  public Encoder encoder() {
    return new Encoder(columns());
  }

  /** Encodes records into one row-major float matrix, the layout XGBoost reads. */
  public float[] encodeAll(List<HeartRecord> records) {
    return encoder().encodeAll(records);
  }

  /** Encodes and decodes single records with precomputed column positions. */
  public static final class Encoder {
    private final int width;
    private final int[] valueColumn;
    private final int[] rankColumn;
    private final int[][] levelColumn;

    private Encoder(List<Column> columns) {
      width = columns.size();
      valueColumn = new int[HeartSchema.FIELD_COUNT];
      rankColumn = new int[HeartSchema.FIELD_COUNT];
      levelColumn = new int[HeartSchema.FIELD_COUNT][];
      Arrays.fill(valueColumn, -1);
      Arrays.fill(rankColumn, -1);
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        switch (column.role()) {
          case VALUE -> valueColumn[column.field()] = c;
          case RANK -> rankColumn[column.field()] = c;
          case ONE_HOT -> {
            if (levelColumn[column.field()] == null) {
              levelColumn[column.field()] =
                  new int[HeartSchema.FIELDS.get(column.field()).levels().size()];
              Arrays.fill(levelColumn[column.field()], -1);
            }
            levelColumn[column.field()][column.level()] = c;
          }
        }
      }
    }

    public int width() {
      return width;
    }

    /** Writes the encoded record into {@code out[offset .. offset + width)}. */
    public void encodeInto(HeartRecord record, float[] out, int offset) {
      Arrays.fill(out, offset, offset + width, 0f);
      for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
        double value = record.value(i);
        if (valueColumn[i] >= 0) {
          out[offset + valueColumn[i]] = (float) value;
        }
        if (rankColumn[i] >= 0) {
          out[offset + rankColumn[i]] = (float) value;
        }
        if (levelColumn[i] != null) {
          int column = levelColumn[i][(int) value];
          if (column >= 0) {
            out[offset + column] = 1f;
          }
        }
      }
    }

    /** Encodes records into one row-major float matrix, the layout XGBoost reads. */
    public float[] encodeAll(List<HeartRecord> records) {
      float[] matrix = new float[records.size() * width];
      for (int r = 0; r < records.size(); r++) {
        encodeInto(records.get(r), matrix, r * width);
      }
      return matrix;
    }

    public float[] encode(HeartRecord record) {
      float[] out = new float[width];
      encodeInto(record, out, 0);
      return out;
    }

    /**
     * Rebuilds a record from its encoding. Numbers round-trip at float precision; a category with
     * no hot column (a level unseen in training) cannot be recovered.
     */
    public HeartRecord decode(float[] row) {
      double[] values = new double[HeartSchema.FIELD_COUNT];
      for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
        if (valueColumn[i] >= 0) {
          values[i] = row[valueColumn[i]];
          continue;
        }
        values[i] = -1;
        for (int level = 0; level < levelColumn[i].length; level++) {
          int column = levelColumn[i][level];
          if (column >= 0 && row[column] == 1f) {
            values[i] = level;
          }
        }
        if (values[i] < 0) {
          throw new IllegalArgumentException(
              "no level set for " + HeartSchema.FIELDS.get(i).name());
        }
      }
      return new HeartRecord(values);
    }
  }
}
