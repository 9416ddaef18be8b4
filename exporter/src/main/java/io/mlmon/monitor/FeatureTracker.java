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
 * by the ingest thread; allocates nothing per event once its caches are warm.
 *
 * <p>Names and categories are looked up by String identity first: the parser hands the same
 * instance for the same text, features usually come in the same order, and a log repeats a few
 * categories. A miss falls back to the profile's maps and gives the same answer.
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

  private final boolean[] numeric;
  private final CategoryCache[] categories;

  /** By position in the event: the name seen there last, and its feature index (-1: none). */
  private final String[] nameAt;

  private final int[] indexAt;

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
    numeric = new boolean[n];
    categories = new CategoryCache[n];
    for (int i = 0; i < n; i++) {
      numeric[i] = features[i].type() == FeatureType.NUMERIC;
      categories[i] = numeric[i] ? null : new CategoryCache();
    }
    nameAt = new String[n + 16];
    indexAt = new int[n + 16];
  }

  ReferenceProfile profile() {
    return profile;
  }

  void observe(ParsedEvent e, long timeMillis) {
    event++;
    window.beginRow(timeMillis);
    ParsedEvent.Features values = e.features();
    for (int k = 0; k < values.count(); k++) {
      int i = indexOf(k, values.name(k));
      if (i < 0 || seenInEvent[i] == event) {
        continue;
      }
      seenInEvent[i] = event;
      if (numeric[i]) {
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

  /** The feature index of the name at position {@code k} of an event, or -1. */
  private int indexOf(int k, String name) {
    if (k < nameAt.length) {
      if (nameAt[k] == name) {
        return indexAt[k];
      }
      int i = profile.indexOf(name);
      nameAt[k] = name;
      indexAt[k] = i;
      return i;
    }
    return profile.indexOf(name);
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

  private static final int BIN_MASK = (1 << 24) - 1;
  private static final int MISSING = 1 << 24;
  private static final int UNSEEN = 1 << 25;
  private static final int FOLDED = 1 << 26;

  private void categorical(int i, ParsedEvent.ValueKind kind, double number, String text) {
    CategoryCache cache = categories[i];
    int info;
    switch (kind) {
      case STRING -> {
        info = cache.get(text);
        if (info == CategoryCache.ABSENT) {
          info = text.isBlank() ? MISSING : categoryInfo(i, text);
          cache.put(text, info);
        }
      }
      case NUMBER -> {
        if (!Double.isFinite(number)) {
          invalidNonFinite[i]++;
          return;
        }
        info = cache.get(number);
        if (info == CategoryCache.ABSENT) {
          info = categoryInfo(i, Categories.canonical(number));
          cache.put(number, info);
        }
      }
      case BOOLEAN -> {
        String category = Categories.canonical(number != 0);
        info = cache.get(category);
        if (info == CategoryCache.ABSENT) {
          info = categoryInfo(i, category);
          cache.put(category, info);
        }
      }
      case NULL -> {
        missing[i]++;
        return;
      }
      default -> {
        invalidType[i]++;
        return;
      }
    }
    if (info == MISSING) {
      missing[i]++;
      return;
    }
    int bin = info & BIN_MASK;
    window.setCategory(i, bin);
    binCounts[i][bin]++;
    if ((info & UNSEEN) != 0) {
      unseen[i]++;
    } else if ((info & FOLDED) != 0) {
      foldedCategories++;
    }
  }

  /** A category's bin, and whether it is unseen in the reference or folded by the limit. */
  private int categoryInfo(int i, String category) {
    ReferenceFeature feature = features[i];
    int bin = feature.binOf(category);
    if (feature.isUnseenCategory(category)) {
      return bin | UNSEEN;
    }
    if (bin == feature.binCount() - 1 && !Categories.OTHER.equals(category)) {
      // A reference category beyond max_categories_per_feature: folded by the limit.
      return bin | FOLDED;
    }
    return bin;
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
