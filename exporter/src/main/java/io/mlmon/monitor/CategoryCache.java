package io.mlmon.monitor;

import java.util.Arrays;

/**
 * What a categorical feature's recent values mean, remembered by value: a log repeats a handful of
 * categories millions of times, and the parser hands the same String instance for the same text, so
 * an identity check here replaces the hash-map lookups (bin, seen in the reference) per value.
 * Strings are kept by identity and numbers by their bits, in small open-addressing tables that are
 * emptied when they fill up, so a feature with endless distinct values costs bounded memory (and
 * simply misses).
 */
final class CategoryCache {
  static final int ABSENT = -1;
  private static final int SIZE = 128;
  private static final int SHIFT = Integer.numberOfLeadingZeros(SIZE) + 1;
  private static final int MAX_ENTRIES = SIZE * 3 / 4;
  private static final long NO_NUMBER = 0x7ff8_0000_0000_0001L;

  private final String[] texts = new String[SIZE];
  private final int[] textInfo = new int[SIZE];
  private int textCount;
  private final long[] numbers = new long[SIZE];
  private final int[] numberInfo = new int[SIZE];
  private int numberCount;

  CategoryCache() {
    Arrays.fill(numbers, NO_NUMBER);
  }

  /** The info stored for this very String instance, or {@link #ABSENT}. */
  int get(String text) {
    for (int i = slot(text.hashCode()); ; i = (i + 1) & (SIZE - 1)) {
      String t = texts[i];
      if (t == text) {
        return textInfo[i];
      }
      if (t == null) {
        return ABSENT;
      }
    }
  }

  void put(String text, int info) {
    if (textCount == MAX_ENTRIES) {
      Arrays.fill(texts, null);
      textCount = 0;
    }
    int i = slot(text.hashCode());
    while (texts[i] != null && texts[i] != text) {
      i = (i + 1) & (SIZE - 1);
    }
    if (texts[i] == null) {
      textCount++;
    }
    texts[i] = text;
    textInfo[i] = info;
  }

  /** The info stored for a finite number (0.0 and -0.0 are one category), or {@link #ABSENT}. */
  int get(double number) {
    long bits = bits(number);
    for (int i = slot(Long.hashCode(bits)); ; i = (i + 1) & (SIZE - 1)) {
      long b = numbers[i];
      if (b == bits) {
        return numberInfo[i];
      }
      if (b == NO_NUMBER) {
        return ABSENT;
      }
    }
  }

  void put(double number, int info) {
    if (numberCount == MAX_ENTRIES) {
      Arrays.fill(numbers, NO_NUMBER);
      numberCount = 0;
    }
    long bits = bits(number);
    int i = slot(Long.hashCode(bits));
    while (numbers[i] != NO_NUMBER && numbers[i] != bits) {
      i = (i + 1) & (SIZE - 1);
    }
    if (numbers[i] == NO_NUMBER) {
      numberCount++;
    }
    numbers[i] = bits;
    numberInfo[i] = info;
  }

  private static long bits(double number) {
    return Double.doubleToRawLongBits(number == 0 ? 0.0 : number);
  }

  /** Fibonacci hashing: the top bits of the product mix every bit of a weak hash code. */
  private static int slot(int hash) {
    return (hash * 0x9E3779B9) >>> SHIFT;
  }
}
