package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Label sets and sort orders kept between scrapes change nothing in what a scrape shows. */
class FamiliesTest {
  private final Families families = new Families();

  private static List<String[]> series(long seed) {
    List<String[]> out = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      for (int f = 0; f < 20; f++) {
        for (int b = 0; b < 11; b++) {
          out.add(new String[] {"m" + m, "f" + f, b == 10 ? "__other__" : "0" + b});
        }
      }
    }
    Collections.shuffle(out, new Random(seed));
    return out;
  }

  private static Family.Counter fill(Family.Counter family, List<String[]> series) {
    for (int i = 0; i < series.size(); i++) {
      family.add(i, series.get(i));
    }
    return family;
  }

  private static String text(CounterSnapshot snapshot) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, MetricSnapshots.of(snapshot));
    return out.toString(StandardCharsets.UTF_8);
  }

  private Family.Counter cached() {
    return families.counter("mlmon_feature_bin_total", "help", "model", "feature", "bin");
  }

  private static Family.Counter plain() {
    return Family.counter("mlmon_feature_bin_total", "help", "model", "feature", "bin");
  }

  @Test
  void a_cached_family_exposes_exactly_what_a_plain_one_does() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      List<String[]> series = series(seed);
      assertThat(text(fill(cached(), series).build()))
          .isEqualTo(text(fill(plain(), series).build()));
      // Again with the order and label sets cached by the first build.
      assertThat(text(fill(cached(), series).build()))
          .isEqualTo(text(fill(plain(), series).build()));
    }
  }

  @Test
  void label_sets_are_built_once() {
    List<String[]> series = series(1);
    CounterSnapshot first = fill(cached(), series).build();
    CounterSnapshot second = fill(cached(), series).build();
    for (int i = 0; i < first.getDataPoints().size(); i++) {
      Object again = second.getDataPoints().get(i).getLabels();
      assertThat(again).isSameAs(first.getDataPoints().get(i).getLabels());
    }
  }

  @Test
  void an_unchanged_family_hands_out_its_last_snapshot_and_a_changed_one_a_new_one()
      throws IOException {
    List<String[]> series = series(1);
    CounterSnapshot first = fill(cached(), series).build();
    assertThat(fill(cached(), series).build()).isSameAs(first);

    Family.Counter changed = cached();
    for (int i = 0; i < series.size(); i++) {
      changed.add(i == 17 ? 1000 : i, series.get(i));
    }
    CounterSnapshot second = changed.build();
    assertThat(second).isNotSameAs(first);
    assertThat(text(second)).contains(" 1000.0\n").isNotEqualTo(text(first));

    List<String[]> fewer = series.subList(0, series.size() - 1);
    CounterSnapshot third = fill(cached(), fewer).build();
    assertThat(third.getDataPoints()).hasSize(fewer.size());
    assertThat(text(third)).isEqualTo(text(fill(plain(), fewer).build()));
  }
}
