package io.mlmon.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Checkpoints persist join keys: the function may never change, whichever path computes it. */
class PredictionKeyTest {
  @Test
  void keys_are_the_ones_checkpoints_hold() {
    // Values of the original implementation (FNV-1a over UTF-16 units, Murmur3 finalizer).
    assertThat(PredictionKey.of("fraud", "tx-8812")).isEqualTo(1491168662119876237L);
    assertThat(PredictionKey.of("fraud", "")).isEqualTo(-3797832607720203687L);
    assertThat(PredictionKey.of("churn", "8812")).isEqualTo(-8234237522385746733L);
    assertThat(PredictionKey.of("m", "é€\uD83D\uDE00")).isEqualTo(-3314068153117681144L);
    assertThat(PredictionKey.of("m", "\uD800x")).isEqualTo(7771146766819986704L);
    assertThat(PredictionKey.of("", "a")).isEqualTo(-6782481516481705198L);
  }

  @Test
  void an_id_hashed_from_its_bytes_in_a_line_gets_the_same_key() {
    byte[] line = "{\"id\":\"tx-8812\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(PredictionKey.of(PredictionKey.prefix("fraud"), line, 7, 7))
        .isEqualTo(PredictionKey.of("fraud", "tx-8812"));
  }

  @Property(seed = "20261126", tries = 2000)
  void bytes_and_text_give_the_same_key(@ForAll String model, @ForAll String id) {
    // Well-formed text only: a UTF-8 line cannot hold a lone surrogate unescaped.
    String text = new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    byte[] utf8 = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    int len = text.getBytes(StandardCharsets.UTF_8).length;
    assertThat(PredictionKey.of(PredictionKey.prefix(model), utf8, 2, len))
        .isEqualTo(PredictionKey.of(model, text));
  }
}
