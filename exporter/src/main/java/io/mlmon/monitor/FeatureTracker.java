package io.mlmon.monitor;

import io.mlmon.drift.DriftWindow;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.WindowSample;
import io.mlmon.ingest.ParsedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's predictions look like against its reference: each value into the drift window,
 * into its reference bin (the fleet-wide bin counters) and through the data-quality checks. Owned
 * by the ingest thread; allocates nothing per event once its caches are warm.
 *
 * <p>Which feature and bin each value is comes from a {@link FeatureResolver}: usually on the parse
 * worker, before the event gets here (see {@link ReferencePreparer}), else from this tracker's own.
 */
final class FeatureTracker {
  private final ReferenceProfile profile;
  private final DriftWindow window;
  private final FeatureResolver resolver;
  private final ReferenceFeature[] features;

  /** Every feature's bin counters in one array: feature i's bin b at {@code binStart[i] + b}. */
  private final long[] binCounts;

  private final int[] binStart;

  private final long[] missing;
  private final long[] invalidType;
  private final long[] invalidNonFinite;
  private final long[] unseen;
  private final long[] outOfRange;

  /**
   * The event number that last set each feature, to tell present from missing without clearing (for
   * events whose resolution is not complete).
   */
  private final long[] seenInEvent;

  private long event;
  long foldedCategories;

  FeatureTracker(ReferenceProfile profile, int maxSamples) {
    this.profile = profile;
    this.window = new DriftWindow(profile, maxSamples);
    this.resolver = new FeatureResolver(profile);
    int n = profile.featureCount();
    features = profile.features().toArray(new ReferenceFeature[0]);
    binStart = new int[n];
    int bins = 0;
    for (int i = 0; i < n; i++) {
      binStart[i] = bins;
      bins += features[i].binCount();
    }
    binCounts = new long[bins];
    missing = new long[n];
    invalidType = new long[n];
    invalidNonFinite = new long[n];
    unseen = new long[n];
    outOfRange = new long[n];
    seenInEvent = new long[n];
  }

  ReferenceProfile profile() {
    return profile;
  }

  void observe(ParsedEvent e, long timeMillis) {
    event++;
    ParsedEvent.Features values = e.features();
    if (values.resolvedBy() != profile) {
      resolver.resolve(values);
    }
    // The resolver dropped repeats; usually every feature is there and nothing is missing, and
    // every feature of the row is then set below (count() sets the window in every case).
    boolean complete = values.isComplete();
    if (complete) {
      window.beginFullRow(timeMillis);
    } else {
      window.beginRow(timeMillis);
    }
    for (int k = 0; k < values.count(); k++) {
      int i = values.feature(k);
      if (i < 0) {
        continue;
      }
      if (!complete) {
        seenInEvent[i] = event;
      }
      count(i, values.info(k), values.number(k));
    }
    if (!complete) {
      for (int i = 0; i < features.length; i++) {
        if (seenInEvent[i] != event) {
          missing[i]++;
        }
      }
    }
    if (e.hasScore()) {
      window.setScore(e.score());
    }
  }

  /** Counts one value of feature {@code i}, as its {@link FeatureResolver} info describes it. */
  private void count(int i, int info, double number) {
    // Nearly every value is a number in the reference's range: one test, two stores. This runs for
    // every value of every event, in C1 code that does not fold the tests below into one.
    if ((info & ~FeatureResolver.BIN_MASK) == FeatureResolver.NUMERIC) {
      window.setNumeric(i, number);
      binCounts[binStart[i] + (info & FeatureResolver.BIN_MASK)]++;
      return;
    }
    if ((info
            & (FeatureResolver.NON_FINITE | FeatureResolver.INVALID_TYPE | FeatureResolver.MISSING))
        != 0) {
      window.setMissing(i);
      if ((info & FeatureResolver.NON_FINITE) != 0) {
        invalidNonFinite[i]++;
      } else if ((info & FeatureResolver.INVALID_TYPE) != 0) {
        invalidType[i]++;
      } else {
        missing[i]++;
      }
      return;
    }
    int bin = info & FeatureResolver.BIN_MASK;
    if ((info & FeatureResolver.NUMERIC) != 0) {
      window.setNumeric(i, number);
    } else {
      window.setCategory(i, bin);
    }
    binCounts[binStart[i] + bin]++;
    if ((info & FeatureResolver.OUT_OF_RANGE) != 0) {
      outOfRange[i]++;
    }
    if ((info & FeatureResolver.UNSEEN) != 0) {
      unseen[i]++;
    } else if ((info & FeatureResolver.FOLDED) != 0) {
      foldedCategories++;
    }
  }

  void evictOlderThan(long cutoffMillis) {
    window.evictOlderThan(cutoffMillis);
  }

  int windowSize() {
    return window.size();
  }

  WindowSample windowSample() {
    return window.snapshot();
  }

  List<FeatureStats> snapshot() {
    List<FeatureStats> out = new ArrayList<>(features.length);
    for (int i = 0; i < features.length; i++) {
      int bins = features[i].binCount();
      List<Long> counts = new ArrayList<>(bins);
      for (int b = 0; b < bins; b++) {
        counts.add(binCounts[binStart[i] + b]);
      }
      out.add(
          new FeatureStats(
              features[i].name(),
              features[i].binLabels(),
              features[i].referenceRatios(),
              counts,
              missing[i],
              invalidType[i],
              invalidNonFinite[i],
              unseen[i],
              outOfRange[i]));
    }
    return out;
  }
}
