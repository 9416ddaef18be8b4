package io.mlmon.monitor;

import java.util.List;
import java.util.Objects;

/**
 * One reference feature's counters at one moment: values per reference bin ({@code
 * mlmon_feature_bin_total}) and the data-quality events of metrics.md.
 */
public record FeatureStats(
    String name,
    List<String> binLabels,
    List<Double> referenceRatios,
    List<Long> binCounts,
    long missing,
    long invalidType,
    long invalidNonFinite,
    long unseenCategory,
    long outOfRange) {
  public FeatureStats {
    Objects.requireNonNull(name, "name");
    binLabels = List.copyOf(binLabels);
    referenceRatios = List.copyOf(referenceRatios);
    binCounts = List.copyOf(binCounts);
    if (binLabels.size() != binCounts.size() || binLabels.size() != referenceRatios.size()) {
      throw new IllegalArgumentException("one count and one ratio per bin");
    }
  }
}
