package dev.platform.ml.pipeline;

import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.split.StratifiedSplit;
import dev.platform.ml.train.EncodedSet;

/** A validated, de-duplicated data set, split 60/20/20 and encoded with the training encoding. */
public record PreparedData(
    HeartDataset dataset,
    StratifiedSplit split,
    FeatureEncoding encoding,
    EncodedSet train,
    EncodedSet validation,
    EncodedSet test) {

  public static PreparedData of(HeartDataset dataset) {
    StratifiedSplit split = StratifiedSplit.standard(dataset.records());
    FeatureEncoding encoding = FeatureEncoding.fit(split.train());
    return new PreparedData(
        dataset,
        split,
        encoding,
        EncodedSet.of(encoding, split.train()),
        EncodedSet.of(encoding, split.validation()),
        EncodedSet.of(encoding, split.test()));
  }
}
