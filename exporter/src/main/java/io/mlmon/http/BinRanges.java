package io.mlmon.http;

import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each numeric bin covers, in words ({@code 12.5 – 25.3}), worked out once from the reference
 * profiles' bin edges so that the charts' hover text says more than the metric label {@code 03}.
 * Categorical bins are named by their category already and are not listed.
 */
final class BinRanges {
  static final BinRanges NONE = new BinRanges(Map.of(), Map.of());

  private final Map<String, Map<String, List<String>>> features;
  private final Map<String, List<String>> scores;

  private BinRanges(
      Map<String, Map<String, List<String>>> features, Map<String, List<String>> scores) {
    this.features = features;
    this.scores = scores;
  }

  static BinRanges of(Map<String, ReferenceProfile> references) {
    Map<String, Map<String, List<String>>> features = new HashMap<>();
    Map<String, List<String>> scores = new HashMap<>();
    references.forEach(
        (model, profile) -> {
          Map<String, List<String>> byFeature = new HashMap<>();
          for (ReferenceFeature f : profile.features()) {
            if (f.type() == FeatureType.NUMERIC) {
              byFeature.put(f.name(), ranges(f.edges(), f.binCount()));
            }
          }
          features.put(model, Map.copyOf(byFeature));
          profile.score().ifPresent(s -> scores.put(model, ranges(s.edges(), s.binCount())));
        });
    return new BinRanges(Map.copyOf(features), Map.copyOf(scores));
  }

  /**
   * The ranges of {@code bins} bins split at the ascending inner {@code edges}: a value falls in
   * bin i when {@code edges[i-1] < value <= edges[i]}. Empty when the counts do not fit together.
   */
  static List<String> ranges(double[] edges, int bins) {
    if (edges.length + 1 != bins) {
      return List.of();
    }
    if (bins == 1) {
      return List.of("all values");
    }
    List<String> out = new ArrayList<>(bins);
    out.add("≤ " + Fmt.edge(edges[0]));
    for (int i = 1; i < edges.length; i++) {
      out.add(Fmt.edge(edges[i - 1]) + " – " + Fmt.edge(edges[i]));
    }
    out.add("> " + Fmt.edge(edges[edges.length - 1]));
    return List.copyOf(out);
  }

  /** A numeric feature's bin ranges, or an empty list when unknown. */
  List<String> feature(String model, String feature) {
    return features.getOrDefault(model, Map.of()).getOrDefault(feature, List.of());
  }

  /** The score's bin ranges (prediction drift), or an empty list when unknown. */
  List<String> score(String model) {
    return scores.getOrDefault(model, List.of());
  }
}
