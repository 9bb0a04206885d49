package dev.platform.ml.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A Tribuo classifier over encoded rows; saved in Tribuo's protobuf format. */
final class TribuoModel implements TrainedModel {
  static final Label POSITIVE = new Label("1");
  static final Label NEGATIVE = new Label("0");
  static final String FILE_NAME = "model.tribuo";
  private static final LabelFactory LABELS = new LabelFactory();

  private final ModelKind kind;
  private final Model<Label> model;
  private final Map<String, Object> settings;
  private final SparseRows sparse;

  TribuoModel(
      ModelKind kind, Model<Label> model, Map<String, Object> settings, List<String> columns) {
    this.kind = kind;
    this.model = model;
    this.settings = settings;
    this.sparse = new SparseRows(columns);
  }

  static MutableDataset<Label> dataset(
      EncodedSet rows, List<String> columns, float positiveWeight, String description) {
    SparseRows sparse = new SparseRows(columns);
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
    for (int r = 0; r < rows.rows(); r++) {
      Label label = rows.labels()[r] == 1 ? POSITIVE : NEGATIVE;
      ArrayExample<Label> example = sparse.example(label, rows.features(), r * rows.width());
      if (rows.labels()[r] == 1) {
        example.setWeight(positiveWeight);
      }
      dataset.add(example);
    }
    return dataset;
  }

  /**
   * Builds Tribuo examples from encoded rows. Zero features are left out, which Tribuo reads as
   * zero; the others are handed over at once, already in name order, so Tribuo's per-example sort
   * has nothing to do (adding them one by one re-sorted the example after every feature).
   */
  static final class SparseRows {
    private final String[] names;
    private final int[] byName;

    SparseRows(List<String> columns) {
      names = columns.toArray(String[]::new);
      byName =
          IntStream.range(0, names.length)
              .boxed()
              .sorted(Comparator.comparing((Integer c) -> names[c]))
              .mapToInt(Integer::intValue)
              .toArray();
    }

    ArrayExample<Label> example(Label label, float[] features, int offset) {
      int nonZero = 0;
      for (int c = 0; c < names.length; c++) {
        nonZero += features[offset + c] != 0f ? 1 : 0;
      }
      String[] exampleNames = new String[nonZero];
      double[] values = new double[nonZero];
      int k = 0;
      for (int c : byName) {
        float value = features[offset + c];
        if (value != 0f) {
          exampleNames[k] = names[c];
          values[k++] = value;
        }
      }
      return new ArrayExample<>(label, exampleNames, values);
    }
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public double[] predict(EncodedSet rows) {
    List<Example<Label>> examples = new ArrayList<>(rows.rows());
    for (int r = 0; r < rows.rows(); r++) {
      examples.add(sparse.example(LABELS.getUnknownOutput(), rows.features(), r * rows.width()));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    double[] scores = new double[predictions.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = positiveScore(predictions.get(i));
    }
    return scores;
  }

  @Override
  public double predictOne(float[] row) {
    return positiveScore(model.predict(sparse.example(LABELS.getUnknownOutput(), row, 0)));
  }

  private static double positiveScore(Prediction<Label> prediction) {
    Label positive = prediction.getOutputScores().get(POSITIVE.getLabel());
    return positive == null ? 0 : positive.getScore();
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public String save(Path directory) throws IOException {
    model.serializeToFile(directory.resolve(FILE_NAME));
    return FILE_NAME;
  }

  @SuppressWarnings("unchecked")
  static TribuoModel load(
      ModelKind kind, Path file, Map<String, Object> settings, List<String> columns)
      throws IOException {
    Model<?> model = Model.deserializeFromFile(file);
    return new TribuoModel(kind, (Model<Label>) model.castModel(Label.class), settings, columns);
  }
}
