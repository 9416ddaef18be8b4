package io.mlmon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryCacheTest {
  @Test
  void strings_are_remembered_by_identity_and_numbers_by_value() {
    CategoryCache cache = new CategoryCache();
    String de = new String("DE");
    cache.put(de, 3);
    assertThat(cache.get(de)).isEqualTo(3);
    assertThat(cache.get(new String("DE"))).as("another instance").isEqualTo(CategoryCache.ABSENT);
    cache.put(7.0, 5);
    assertThat(cache.get(7.0)).isEqualTo(5);
    cache.put(0.0, 1);
    assertThat(cache.get(-0.0)).as("0 and -0 are one category").isEqualTo(1);
    assertThat(cache.get(7.5)).isEqualTo(CategoryCache.ABSENT);
  }

  @Test
  void endless_distinct_values_keep_it_bounded_and_correct() {
    CategoryCache cache = new CategoryCache();
    String[] kept = new String[10_000];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = "c" + i;
      cache.put(kept[i], i);
      cache.put((double) i, i);
      assertThat(cache.get(kept[i])).isEqualTo(i);
      assertThat(cache.get((double) i)).isEqualTo(i);
    }
    for (int i = 0; i < kept.length; i++) {
      int s = cache.get(kept[i]);
      int n = cache.get((double) i);
      assertThat(s == CategoryCache.ABSENT || s == i).isTrue();
      assertThat(n == CategoryCache.ABSENT || n == i).isTrue();
    }
  }
}
