package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature of a {@link ReferenceProfile}: its bins (statistics.md), the reference's share of
 * each bin, and what the data-quality checks need. Immutable and thread-safe.
 *
 * <p>Numeric: edges are the distinct {@code numpy.quantile(R, k/B)}, labels {@code 00}, {@code 01},
 * …; a value x falls in bin {@code searchsorted(edges, x, side="left")}. Categorical: the {@code
 * maxCategories} most frequent reference categories (ties by name; a category literally named
 * {@code __other__} is never kept), then {@link Categories#OTHER}, always last.
 */
public final class ReferenceFeature {
  static final Comparator<Map.Entry<String, Long>> BY_COUNT_THEN_NAME =
      Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
          .reversed()
          .thenComparing(Map.Entry::getKey);

  private final FeatureData data;
  private final List<String> labels;
  private final long[] counts;
  private final List<Double> ratios;
  // numeric
  private final double[] edges;
  private final BinFinder binFinder;
  private final double std;
  private final int distinct;

  /**
   * The reference's smallest and largest value; for a categorical feature -∞ and ∞, so that no
   * value is out of its range.
   */
  private final double min;

  private final double max;

  // categorical
  private final Map<String, Integer> binByCategory;

  private ReferenceFeature(
      FeatureData data,
      List<String> labels,
      long[] counts,
      double[] edges,
      double std,
      int distinct,
      Map<String, Integer> binByCategory) {
    this.data = data;
    this.labels = List.copyOf(labels);
    this.counts = counts;
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    List<Double> r = new ArrayList<>(counts.length);
    for (long c : counts) {
      r.add((double) c / total);
    }
    this.ratios = Collections.unmodifiableList(r);
    this.edges = edges;
    this.binFinder = edges == null ? null : new BinFinder(edges);
    NumericData numeric = data instanceof NumericData n ? n : null;
    this.min = numeric == null ? Double.NEGATIVE_INFINITY : numeric.min();
    this.max = numeric == null ? Double.POSITIVE_INFINITY : numeric.max();
    this.std = std;
    this.distinct = distinct;
    this.binByCategory = binByCategory;
  }

  /** Bins a numeric feature into at most {@code psiBins} quantile bins. */
  static ReferenceFeature numeric(NumericData data, int psiBins) {
    double[] sorted = data.sortedSample();
    double[] edges = Bins.quantileEdges(sorted, psiBins);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    return new ReferenceFeature(
        data,
        Bins.numericLabels(edges.length + 1),
        Bins.countSorted(edges, sorted),
        edges,
        DriftMethods.std(sorted),
        distinct,
        null);
  }

  /** Keeps the {@code maxCategories} most frequent categories, then {@code __other__}. */
  static ReferenceFeature categorical(CategoricalData data, int maxCategories) {
    List<String> labels = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    long other = data.untracked();
    // counts() is already ordered by count, then name.
    for (Map.Entry<String, Long> e : data.counts().entrySet()) {
      if (labels.size() < maxCategories && !e.getKey().equals(Categories.OTHER)) {
        labels.add(e.getKey());
        kept.add(e.getValue());
      } else {
        other += e.getValue();
      }
    }
    Map<String, Integer> binByCategory = new HashMap<>();
    long[] counts = new long[labels.size() + 1];
    for (int i = 0; i < labels.size(); i++) {
      binByCategory.put(labels.get(i), i);
      counts[i] = kept.get(i);
    }
    counts[labels.size()] = other;
    labels.add(Categories.OTHER);
    return new ReferenceFeature(data, labels, counts, null, 0, data.counts().size(), binByCategory);
  }

  public String name() {
    return data.name();
  }

  public FeatureType type() {
    return data.type();
  }

  /** The material the bins came from (sample or category counts). */
  public FeatureData data() {
    return data;
  }

  /**
   * n: finite, non-missing reference values of the feature (all of them, not just the sample); the
   * {@code auto} rule switches methods above 1000.
   */
  public long count() {
    return data.count();
  }

  public int binCount() {
    return labels.size();
  }

  /**
   * The {@code bin} label values: {@code 00}, {@code 01}, … or the categories and {@code
   * __other__}.
   */
  public List<String> binLabels() {
    return labels;
  }

  /** q_i: the reference's share of each bin (of R for numeric features), summing to 1. */
  public List<Double> referenceRatios() {
    return ratios;
  }

  long[] referenceCounts() {
    return counts;
  }

  /** The bin a value falls in: numeric bins by value; for a categorical feature, by its text. */
  public int binOf(double value) {
    if (edges == null) {
      return binOf(Categories.canonical(value));
    }
    return binFinder.binOf(value);
  }

  /**
   * The bin of a category (see {@link Categories} for the text of numbers and booleans): its own,
   * or {@code __other__}'s (the last). For a numeric feature, the text is read as a number when it
   * is one, else the result is -1.
   */
  public int binOf(String category) {
    if (binByCategory == null) {
      CsvValue v = CsvValue.parse(category);
      return v.kind() == CsvValue.Kind.NUMBER && Double.isFinite(v.number())
          ? Bins.searchLeft(edges, v.number())
          : -1;
    }
    Integer bin = binByCategory.get(category);
    return bin == null ? labels.size() - 1 : bin;
  }

  /** Bin edges of a numeric feature, ascending (a copy); empty for a categorical one. */
  public double[] edges() {
    return edges == null ? new double[0] : edges.clone();
  }

  double[] edgesShared() {
    return edges;
  }

  /** Data quality: a numeric value outside the whole reference's [min, max]. */
  public boolean isOutOfRange(double value) {
    return value < min || value > max;
  }

  /**
   * Data quality: a category the reference never had (not merely outside the kept top categories,
   * which is {@code __other__}). Always false for numeric features, and for a reference with more
   * than {@link CategoricalData#TRACKED_LIMIT} distinct categories, whose full set is not kept.
   */
  public boolean isUnseenCategory(String category) {
    if (!(data instanceof CategoricalData c) || c.untracked() > 0) {
      return false;
    }
    return !c.counts().containsKey(category);
  }

  /** Numeric: distinct values in R (the {@code auto} rule asks for more than 5). */
  public int distinctValues() {
    return distinct;
  }

  /** Numeric: std(R) with ddof 0 (0 for categorical features). */
  public double std() {
    return std;
  }

  /** Numeric: R ascending, shared; never written to. */
  double[] sortedSample() {
    return data instanceof NumericData n ? n.sortedSample() : new double[0];
  }

  @Override
  public String toString() {
    return "ReferenceFeature[" + name() + ", " + type().label() + ", bins=" + labels + "]";
  }
}
