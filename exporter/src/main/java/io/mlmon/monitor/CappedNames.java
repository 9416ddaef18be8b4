package io.mlmon.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Label values from the log, numbered in order of first appearance up to a limit; every value past
 * the limit shares the index of {@link #OTHER}, so a hostile log cannot create unbounded series.
 */
final class CappedNames {
  static final String OTHER = "__other__";

  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final int limit;
  private int otherIndex = -1;

  CappedNames(int limit) {
    this.limit = limit;
  }

  /** The index of {@code name}, admitting it when there is room, else the index of OTHER. */
  int indexOf(String name) {
    Integer existing = indexes.get(name);
    if (existing != null) {
      return existing;
    }
    if (names.size() - (otherIndex >= 0 ? 1 : 0) < limit && !OTHER.equals(name)) {
      return add(name);
    }
    if (otherIndex < 0) {
      otherIndex = add(OTHER);
    }
    return otherIndex;
  }

  /** Admits {@code name} whatever the limit (for values the config names). */
  int reserve(String name) {
    Integer existing = indexes.get(name);
    return existing != null ? existing : add(name);
  }

  /** Whether {@code index} is the shared index of values past the limit. */
  boolean isOther(int index) {
    return index == otherIndex;
  }

  String name(int index) {
    return names.get(index);
  }

  int size() {
    return names.size();
  }

  List<String> names() {
    return List.copyOf(names);
  }

  private int add(String name) {
    int index = names.size();
    names.add(name);
    indexes.put(name, index);
    return index;
  }
}
