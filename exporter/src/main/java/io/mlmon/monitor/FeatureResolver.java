package io.mlmon.monitor;

import io.mlmon.drift.Categories;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.ingest.ParsedEvent;

/**
 * What each value of an event means against one reference profile: which feature it is, and its bin
 * and data-quality verdict, packed in an int for {@link FeatureTracker}. Pure but for its caches,
 * so it runs on whichever thread parsed the event (one thread at a time).
 *
 * <p>Names and categories are looked up by String identity first: the parser hands the same
 * instance for the same text, features usually come in the same order, and a log repeats a few
 * categories. A miss falls back to the profile's maps and gives the same answer.
 */
final class FeatureResolver {
  static final int BIN_MASK = (1 << 24) - 1;
  static final int MISSING = 1 << 24;
  static final int UNSEEN = 1 << 25;
  static final int FOLDED = 1 << 26;
  static final int OUT_OF_RANGE = 1 << 27;
  static final int INVALID_TYPE = 1 << 28;
  static final int NON_FINITE = 1 << 29;

  /** A number of a numeric feature (its bin is a range); else a category's bin. */
  static final int NUMERIC = 1 << 30;

  private final ReferenceProfile profile;
  private final ReferenceFeature[] features;
  private final boolean[] numeric;
  private final CategoryCache[] categories;

  /** By position in the event: the name seen there last, and its feature index (-1: none). */
  private final String[] nameAt;

  private final int[] indexAt;

  /** The event number that last had each feature, to find repeats without clearing. */
  private final long[] seenInEvent;

  private long event;

  FeatureResolver(ReferenceProfile profile) {
    this.profile = profile;
    features = profile.features().toArray(new ReferenceFeature[0]);
    int n = features.length;
    numeric = new boolean[n];
    categories = new CategoryCache[n];
    for (int i = 0; i < n; i++) {
      numeric[i] = features[i].type() == FeatureType.NUMERIC;
      categories[i] = numeric[i] ? null : new CategoryCache();
    }
    seenInEvent = new long[n];
    nameAt = new String[n + 16];
    indexAt = new int[n + 16];
  }

  /**
   * Resolves every value of {@code values}, marked as resolved against this resolver's profile. A
   * feature's second value in one event resolves to no feature (-1); when every feature appears,
   * the values are {@link ParsedEvent.Features#markComplete marked complete}.
   */
  void resolve(ParsedEvent.Features values) {
    values.startResolution(profile);
    event++;
    int distinct = 0;
    for (int k = 0; k < values.count(); k++) {
      int i = indexOf(k, values.name(k));
      if (i >= 0) {
        if (seenInEvent[i] == event) {
          i = -1; // a feature repeated in one event: its first value counts
        } else {
          seenInEvent[i] = event;
          distinct++;
        }
      }
      int info = 0;
      if (i >= 0) {
        info =
            numeric[i]
                ? numeric(i, values.kind(k), values.number(k))
                : categorical(i, values.kind(k), values.number(k), values.string(k));
      }
      values.resolve(k, i, info);
    }
    if (distinct == features.length) {
      values.markComplete();
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

  private int numeric(int i, ParsedEvent.ValueKind kind, double value) {
    return switch (kind) {
      case NUMBER -> {
        if (!Double.isFinite(value)) {
          yield NON_FINITE;
        }
        int bin = features[i].binOf(value) | NUMERIC;
        yield features[i].isOutOfRange(value) ? bin | OUT_OF_RANGE : bin;
      }
      case NULL -> MISSING;
      default -> INVALID_TYPE;
    };
  }

  private int categorical(int i, ParsedEvent.ValueKind kind, double number, String text) {
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
          return NON_FINITE;
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
      case NULL -> info = MISSING;
      default -> info = INVALID_TYPE;
    }
    return info;
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
}
