package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A model's reference: each feature binned per statistics.md, the reference's score distribution
 * and flag ratio. Immutable and thread-safe; build one with {@link ReferenceProfileBuilder} from
 * training rows, or with {@link #of} from stored {@link ReferenceData}. Both derive the bins from
 * the same material with the same code, so a profile file and the rows it came from give identical
 * drift results.
 */
public final class ReferenceProfile {
  private final ReferenceData data;
  private final ProfileOptions options;
  private final List<ReferenceFeature> features;
  private final Map<String, Integer> indexByName;
  private final Optional<ReferenceFeature> score;
  private final OptionalDouble threshold;
  private final OptionalDouble flagRatio;

  private ReferenceProfile(
      ReferenceData data,
      ProfileOptions options,
      List<ReferenceFeature> features,
      Optional<ReferenceFeature> score,
      OptionalDouble threshold,
      OptionalDouble flagRatio) {
    this.data = data;
    this.options = options;
    this.features = Collections.unmodifiableList(features);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      index.put(features.get(i).name(), i);
    }
    this.indexByName = index;
    this.score = score;
    this.threshold = threshold;
    this.flagRatio = flagRatio;
  }

  /**
   * Derives a profile from reference material with the given settings: the first {@code
   * maxFeatures} features that have at least one value, each converted to the type {@code
   * featureTypes} sets (see {@link TypeConversion}), binned with {@code psiBins} or {@code
   * maxCategories}. The flag ratio uses {@code options.threshold()}, else the threshold stored with
   * the scores; when that is not the threshold the scores were counted with, it is computed from
   * the score sample (exact unless the reference has more than 100,000 scores).
   *
   * @throws IllegalArgumentException when a configured type cannot be applied to stored material
   */
  public static ReferenceProfile of(ReferenceData data, ProfileOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    List<ReferenceFeature> features = new ArrayList<>();
    for (FeatureData f : data.features()) {
      if (features.size() == options.maxFeatures()) {
        break;
      }
      FeatureType type = options.featureTypes().getOrDefault(f.name(), f.type());
      FeatureData typed = TypeConversion.as(f, type);
      if (typed.count() == 0) {
        continue;
      }
      features.add(
          typed instanceof NumericData n
              ? ReferenceFeature.numeric(n, options.psiBins())
              : ReferenceFeature.categorical((CategoricalData) typed, options.maxCategories()));
    }
    Optional<ReferenceFeature> score = Optional.empty();
    OptionalDouble threshold = options.threshold();
    OptionalDouble flagRatio = OptionalDouble.empty();
    if (data.score().isPresent() && data.score().get().values().count() > 0) {
      ScoreData s = data.score().get();
      score = Optional.of(ReferenceFeature.numeric(s.values(), options.psiBins()));
      if (threshold.isEmpty()) {
        threshold = s.threshold();
      }
      if (threshold.isPresent()) {
        flagRatio = OptionalDouble.of(flagRatio(s, threshold.getAsDouble()));
      }
    }
    return new ReferenceProfile(data, options, features, score, threshold, flagRatio);
  }

  private static double flagRatio(ScoreData s, double threshold) {
    if (s.threshold().isPresent() && Double.compare(s.threshold().getAsDouble(), threshold) == 0) {
      return (double) s.flagged() / s.values().count();
    }
    double[] sample = s.values().sortedSample();
    int below = Bins.searchLeft(sample, threshold);
    return (double) (sample.length - below) / sample.length;
  }

  /** The features with reference values, in order; a feature's index is its position here. */
  public List<ReferenceFeature> features() {
    return features;
  }

  public int featureCount() {
    return features.size();
  }

  public ReferenceFeature feature(int index) {
    return features.get(index);
  }

  /** The index of a feature by name, or -1 when the reference has no such feature. */
  public int indexOf(String name) {
    Integer i = indexByName.get(name);
    return i == null ? -1 : i;
  }

  /** The reference's scores, binned like a numeric feature: the baseline of prediction drift. */
  public Optional<ReferenceFeature> score() {
    return score;
  }

  /** The threshold in force for the flag ratio (options', else the one stored with the scores). */
  public OptionalDouble threshold() {
    return threshold;
  }

  /**
   * {@code mlmon_reference_flag_ratio}: the share of reference scores &ge; the threshold; absent
   * without a threshold or without scores.
   */
  public OptionalDouble flagRatio() {
    return flagRatio;
  }

  /** Rows the reference had. */
  public long rows() {
    return data.rows();
  }

  /** The material the profile was derived from (what a profile file stores). */
  public ReferenceData data() {
    return data;
  }

  /** The settings the profile was derived with. */
  public ProfileOptions options() {
    return options;
  }
}
