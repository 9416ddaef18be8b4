package io.mlmon.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class PendingPredictionsTest {
  private final List<String> expired = new ArrayList<>();

  private PendingPredictions store(int max, long ttl) {
    return new PendingPredictions(max, ttl, (model, reason) -> expired.add(model + ":" + reason));
  }

  @Test
  void a_label_joins_its_prediction_once_then_is_a_duplicate() {
    PendingPredictions p = store(10, 1000);
    p.add(42, 3, 5, (byte) 1, 0.9, 100);
    assertThat(p.unlabelled(3)).isEqualTo(1);
    PendingPredictions.Join join = p.label(42);
    assertThat(join.result()).isEqualTo(JoinResult.JOINED);
    assertThat(join.prediction()).isEqualTo(new PendingPrediction(3, 5, (byte) 1, 0.9f, 100));
    assertThat(p.unlabelled(3)).isZero();
    assertThat(p.label(42).result()).isEqualTo(JoinResult.DUPLICATE);
    assertThat(p.label(43).result()).isEqualTo(JoinResult.UNMATCHED);
  }

  @Test
  void an_unknown_decision_and_a_missing_score_survive_the_round_trip() {
    PendingPredictions p = store(10, 1000);
    p.add(7, 0, 0, (byte) -1, Double.NaN, 5);
    PendingPrediction pred = p.label(7).prediction();
    assertThat(pred.hasDecision()).isFalse();
    assertThat(pred.score()).isNaN();
  }

  @Test
  void predictions_older_than_the_ttl_expire_counted_by_model() {
    PendingPredictions p = store(10, 1000);
    p.add(1, 0, 0, (byte) 1, 0.5, 0);
    p.add(2, 1, 0, (byte) 1, 0.5, 500);
    p.add(3, 1, 0, (byte) 1, 0.5, 900);
    p.label(3);
    p.expire(1499);
    assertThat(expired).containsExactly("0:TTL");
    assertThat(p.label(2).result()).isEqualTo(JoinResult.JOINED);
    p.expire(1_000_000);
    assertThat(expired).as("labelled entries leave silently").containsExactly("0:TTL");
    assertThat(p.size()).isZero();
    assertThat(p.label(3).result()).isEqualTo(JoinResult.UNMATCHED);
  }

  @Test
  void the_oldest_is_dropped_when_full() {
    PendingPredictions p = store(3, 1_000_000);
    for (long k = 1; k <= 5; k++) {
      p.add(k, (int) k, 0, (byte) 0, 0.1, k);
    }
    assertThat(expired).containsExactly("1:CAPACITY", "2:CAPACITY");
    assertThat(p.size()).isEqualTo(3);
    assertThat(p.label(1).result()).isEqualTo(JoinResult.UNMATCHED);
    assertThat(p.label(5).result()).isEqualTo(JoinResult.JOINED);
  }

  @Test
  void max_pending_zero_disables_joining() {
    PendingPredictions p = store(0, 1000);
    p.add(1, 0, 0, (byte) 1, 0.5, 0);
    assertThat(p.label(1).result()).isEqualTo(JoinResult.UNMATCHED);
  }

  @Test
  void a_repeated_prediction_replaces_an_unlabelled_one() {
    PendingPredictions p = store(10, 1000);
    p.add(9, 0, 1, (byte) 0, 0.1, 10);
    p.add(9, 0, 2, (byte) 1, 0.8, 20);
    assertThat(p.size()).isEqualTo(1);
    assertThat(p.unlabelled(0)).isEqualTo(1);
    assertThat(p.label(9).prediction().version()).isEqualTo(2);
    p.add(9, 0, 3, (byte) 1, 0.8, 30);
    assertThat(p.label(9).result()).isEqualTo(JoinResult.DUPLICATE);
  }

  /** A slow, obviously right model of the same rules, to check the hash table against. */
  private static final class Model {
    final int max;
    final long ttl;
    final Map<Long, long[]> entries = new LinkedHashMap<>(); // key -> {time, labelled, model}
    final Deque<Long> order = new ArrayDeque<>();
    final Map<String, Integer> expiredCounts = new HashMap<>();

    Model(int max, long ttl) {
      this.max = max;
      this.ttl = ttl;
    }

    void add(long key, int model, long time) {
      long[] e = entries.get(key);
      if (e != null) {
        if (e[1] == 0) {
          e[0] = time;
          e[2] = model;
        }
        return;
      }
      if (entries.size() == max) {
        evict("CAPACITY");
      }
      entries.put(key, new long[] {time, 0, model});
      order.addLast(key);
    }

    JoinResult label(long key) {
      long[] e = entries.get(key);
      if (e == null) {
        return JoinResult.UNMATCHED;
      }
      if (e[1] == 1) {
        return JoinResult.DUPLICATE;
      }
      e[1] = 1;
      return JoinResult.JOINED;
    }

    void expire(long now) {
      while (!order.isEmpty() && now - entries.get(order.peekFirst())[0] >= ttl) {
        evict("TTL");
      }
    }

    void evict(String reason) {
      long key = order.removeFirst();
      long[] e = entries.remove(key);
      if (e[1] == 0) {
        expiredCounts.merge(e[2] + ":" + reason, 1, Integer::sum);
      }
    }

    int unlabelled(int model) {
      return (int) entries.values().stream().filter(e -> e[1] == 0 && e[2] == model).count();
    }
  }

  @Test
  void behaves_like_a_simple_model_under_random_traffic() {
    // Few distinct keys, so repeats, duplicates and probe-chain deletions all happen.
    randomTraffic(new Random(99), 500, 5_000, 3_000, i -> 20);
  }

  @Test
  void behaves_like_a_simple_model_while_growing_with_the_oldest_mid_ring() {
    // Time slows down halfway, so more predictions stay within the TTL: the ring and the index
    // grow (1024 to 5000 entries) after expiry has moved the oldest entry away from the start.
    randomTraffic(new Random(5), 5_000, 20_000, 1_000_000, i -> i < 100_000 ? 20 : 4);
  }

  private static void randomTraffic(
      Random random, int max, long ttl, int keys, IntUnaryOperator maxStep) {
    Model model = new Model(max, ttl);
    Map<String, Integer> counted = new HashMap<>();
    PendingPredictions p =
        new PendingPredictions(max, ttl, (m, r) -> counted.merge(m + ":" + r, 1, Integer::sum));
    long now = 0;
    for (int i = 0; i < 200_000; i++) {
      now += random.nextInt(maxStep.applyAsInt(i));
      long key = random.nextInt(keys) * 0x9E3779B97F4A7C15L;
      int m = random.nextInt(4);
      switch (random.nextInt(3)) {
        case 0 -> {
          p.add(key, m, 0, (byte) 1, 0.5, now);
          model.add(key, m, now);
        }
        case 1 -> assertThat(p.label(key).result()).isEqualTo(model.label(key));
        default -> {
          p.expire(now);
          model.expire(now);
        }
      }
      if (i % 10_000 == 0) {
        for (int mm = 0; mm < 4; mm++) {
          assertThat(p.unlabelled(mm)).isEqualTo(model.unlabelled(mm));
        }
        assertThat(p.size()).isEqualTo(model.entries.size());
        List<Long> oldestFirst = new ArrayList<>();
        p.forEachOldestFirst((k, t, mo, v, f, l, sc) -> oldestFirst.add(k));
        assertThat(oldestFirst).isEqualTo(new ArrayList<>(model.order));
      }
    }
    assertThat(counted).isEqualTo(model.expiredCounts);
    assertThat(model.entries.size()).as("the traffic filled the store").isGreaterThan(max / 2);
  }

  @Test
  void holds_a_million_predictions() {
    PendingPredictions p = store(1_000_000, Long.MAX_VALUE);
    for (long k = 1; k <= 1_000_000; k++) {
      p.add(PredictionKey.of("fraud", "tx-" + k), 0, 0, (byte) 0, 0.1, k);
    }
    assertThat(p.unlabelled()).isEqualTo(1_000_000);
    assertThat(expired).isEmpty();
    assertThat(p.label(PredictionKey.of("fraud", "tx-777777")).result())
        .isEqualTo(JoinResult.JOINED);
    assertThat(p.label(PredictionKey.of("other", "tx-777777")).result())
        .isEqualTo(JoinResult.UNMATCHED);
  }
}
