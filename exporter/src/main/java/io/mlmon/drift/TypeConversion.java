package io.mlmon.drift;

import java.util.HashMap;
import java.util.Map;

/**
 * Re-reads a feature of a profile as the other type, when the config's type differs from the
 * profile's. The result equals what the builder would have produced from the training rows with the
 * type set in advance; where the stored material cannot give that exactly, it fails and says so.
 */
final class TypeConversion {
  private TypeConversion() {}

  static FeatureData as(FeatureData data, FeatureType type) {
    if (data.type() == type) {
      return data;
    }
    if (data instanceof NumericData n) {
      return toCategorical(n);
    }
    return toNumeric((CategoricalData) data);
  }

  /** Every value kept (not sampled): each becomes the category of its canonical text. */
  static CategoricalData toCategorical(NumericData data) {
    if (data.sampled()) {
      throw new IllegalArgumentException(
          "feature \""
              + data.name()
              + "\" is numeric in the profile, which keeps only a sample of its "
              + data.count()
              + " values: build the profile again from the training rows with the feature"
              + " declared categorical");
    }
    Map<String, Long> counts = new HashMap<>();
    for (double v : data.sortedSample()) {
      counts.merge(Categories.canonical(v), 1L, Long::sum);
    }
    return CategoricalData.of(data.name(), counts, 0);
  }

  /** Categories that are numbers become values; other categories are invalid and dropped. */
  static NumericData toNumeric(CategoricalData data) {
    if (data.untracked() > 0) {
      throw new IllegalArgumentException(
          "feature \""
              + data.name()
              + "\" is categorical in the profile with more than "
              + CategoricalData.TRACKED_LIMIT
              + " categories: build the profile again from the training rows with the feature"
              + " declared numeric");
    }
    long count = 0;
    for (Map.Entry<String, Long> e : data.counts().entrySet()) {
      CsvValue v = CsvValue.parse(e.getKey());
      if (v.kind() == CsvValue.Kind.NUMBER && Double.isFinite(v.number())) {
        count += e.getValue();
      }
    }
    if (count > NumericData.SAMPLE_LIMIT) {
      throw new IllegalArgumentException(
          "feature \""
              + data.name()
              + "\" is categorical in the profile and has "
              + count
              + " numbers, more than a profile samples the same way: build the profile again from"
              + " the training rows with the feature declared numeric");
    }
    double[] values = new double[(int) count];
    int i = 0;
    for (Map.Entry<String, Long> e : data.counts().entrySet()) {
      CsvValue v = CsvValue.parse(e.getKey());
      if (v.kind() == CsvValue.Kind.NUMBER && Double.isFinite(v.number())) {
        for (long k = 0; k < e.getValue(); k++) {
          values[i++] = v.number();
        }
      }
    }
    return NumericData.ofAll(data.name(), values);
  }
}
