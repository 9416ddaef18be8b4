package io.mlmon.monitor;

import io.mlmon.drift.Categories;
import io.mlmon.drift.DriftWindow;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.WindowSample;
import io.mlmon.ingest.ParsedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's predictions look like against its reference: each value into the drift window,
 * into its reference bin (the fleet-wide bin counters) and through the data-quality checks. Owned
 * by the ingest thread; allocates nothing per event except the text of numbers used as categories.
 */
final class FeatureTracker {
  private final ReferenceProfile profile;
  private final DriftWindow window;
  private final ReferenceFeature[] features;
  private final long[][] binCounts;
  private final long[] missing;
  private final long[] invalidType;
  private final long[] invalidNonFinite;
  private final long[] unseen;
  private final long[] outOfRange;

  /** The event number that last set each feature, to tell present from missing without clearing. */
  private final long[] seenInEvent;

  private long event;
  long foldedCategories;

  FeatureTracker(ReferenceProfile profile, int maxSamples) {
    this.profile = profile;
    this.window = new DriftWindow(profile, maxSamples);
    int n = profile.featureCount();
    features = profile.features().toArray(new ReferenceFeature[0]);
    binCounts = new long[n][];
    for (int i = 0; i < n; i++) {
      binCounts[i] = new long[features[i].binCount()];
    }
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
    window.beginRow(timeMillis);
    ParsedEvent.Features values = e.features();
    for (int k = 0; k < values.count(); k++) {
      int i = profile.indexOf(values.name(k));
      if (i < 0 || seenInEvent[i] == event) {
        continue;
      }
      seenInEvent[i] = event;
      if (features[i].type() == FeatureType.NUMERIC) {
        numeric(i, values.kind(k), values.number(k));
      } else {
        categorical(i, values.kind(k), values.number(k), values.string(k));
      }
    }
    for (int i = 0; i < features.length; i++) {
      if (seenInEvent[i] != event) {
        missing[i]++;
      }
    }
    if (e.hasScore()) {
      window.setScore(e.score());
    }
  }

  private void numeric(int i, ParsedEvent.ValueKind kind, double value) {
    switch (kind) {
      case NUMBER -> {
        if (!Double.isFinite(value)) {
          invalidNonFinite[i]++;
          return;
        }
        window.setNumeric(i, value);
        binCounts[i][features[i].binOf(value)]++;
        if (features[i].isOutOfRange(value)) {
          outOfRange[i]++;
        }
      }
      case NULL -> missing[i]++;
      default -> invalidType[i]++;
    }
  }

  private void categorical(int i, ParsedEvent.ValueKind kind, double number, String text) {
    String category;
    switch (kind) {
      case STRING -> {
        if (text.isBlank()) {
          missing[i]++;
          return;
        }
        category = text;
      }
      case NUMBER -> {
        if (!Double.isFinite(number)) {
          invalidNonFinite[i]++;
          return;
        }
        category = Categories.canonical(number);
      }
      case BOOLEAN -> category = Categories.canonical(number != 0);
      case NULL -> {
        missing[i]++;
        return;
      }
      default -> {
        invalidType[i]++;
        return;
      }
    }
    int bin = features[i].binOf(category);
    window.setCategory(i, bin);
    binCounts[i][bin]++;
    if (features[i].isUnseenCategory(category)) {
      unseen[i]++;
    } else if (bin == features[i].binCount() - 1 && !Categories.OTHER.equals(category)) {
      // A reference category beyond max_categories_per_feature: folded by the limit.
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
      List<Long> counts = new ArrayList<>(binCounts[i].length);
      for (long c : binCounts[i]) {
        counts.add(c);
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
