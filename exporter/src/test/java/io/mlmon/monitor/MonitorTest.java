package io.mlmon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.config.ModelConfig;
import io.mlmon.ingest.EventParser;
import io.mlmon.quality.ExpiryReason;
import io.mlmon.quality.JoinResult;
import io.mlmon.quality.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MonitorTest {
  private final EventParser parser = new EventParser(FieldMapping.DEFAULTS, 10);
  private long wallClock = 5_000_000_000_000L;

  private Monitor monitor(Monitor.TimeMode mode, int maxPending) {
    return new Monitor(
        Monitor.Settings.of(
            List.of(
                new ModelConfig(
                    "fraud", Optional.empty(), "score", OptionalDouble.of(0.5), Map.of())),
            Limits.DEFAULTS,
            new LabelsConfig(Duration.ofDays(30), maxPending)),
        mode,
        () -> wallClock);
  }

  private void feed(Monitor m, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(b, 0, b.length)).as(line).isNull();
    m.accept(parser.event(), wallClock);
  }

  @Test
  void configured_models_are_exposed_before_any_traffic() {
    MonitorSnapshot s = monitor(Monitor.TimeMode.WALL_CLOCK, 10).snapshot();
    assertThat(s.model("fraud")).isPresent();
    assertThat(s.model("fraud").orElseThrow().labels(JoinResult.JOINED)).isZero();
    assertThat(s.model("fraud").orElseThrow().lastEventSeconds()).isEmpty();
  }

  @Test
  void a_label_joins_across_days_and_its_delay_is_observed() {
    Monitor m = monitor(Monitor.TimeMode.EVENT_TIME, 10);
    feed(
        m,
        "{\"ts\":\"2026-11-26T07:00:00Z\",\"model\":\"fraud\",\"version\":\"v3\",\"id\":\"t1\",\"score\":0.8}");
    feed(
        m,
        "{\"ts\":\"2026-11-29T07:00:00Z\",\"type\":\"label\",\"model\":\"fraud\",\"id\":\"t1\",\"label\":false}");
    ModelSnapshot s = m.snapshot().model("fraud").orElseThrow();
    assertThat(s.versions().get(0).outcome(Outcome.FP)).isEqualTo(1);
    assertThat(s.labelDelaySeconds().sum()).isEqualTo(3 * 86_400.0);
    assertThat(s.lastEventSeconds())
        .hasValue(java.time.Instant.parse("2026-11-29T07:00:00Z").getEpochSecond());
  }

  @Test
  void in_replay_pending_labels_age_by_event_time() {
    Monitor m = monitor(Monitor.TimeMode.EVENT_TIME, 10);
    feed(
        m, "{\"ts\":\"2026-01-01T00:00:00Z\",\"model\":\"fraud\",\"id\":\"old\",\"flagged\":true}");
    feed(
        m, "{\"ts\":\"2026-03-01T00:00:00Z\",\"model\":\"fraud\",\"id\":\"new\",\"flagged\":true}");
    m.expire();
    ModelSnapshot s = m.snapshot().model("fraud").orElseThrow();
    assertThat(s.expired(ExpiryReason.TTL)).isEqualTo(1);
    assertThat(s.pendingLabels()).isEqualTo(1);
  }

  @Test
  void in_run_pending_labels_age_by_the_wall_clock() {
    Monitor m = monitor(Monitor.TimeMode.WALL_CLOCK, 10);
    feed(m, "{\"model\":\"fraud\",\"id\":\"a\",\"flagged\":true}");
    m.expire();
    assertThat(m.snapshot().model("fraud").orElseThrow().pendingLabels()).isEqualTo(1);
    wallClock += Duration.ofDays(31).toMillis();
    m.expire();
    assertThat(m.snapshot().model("fraud").orElseThrow().expired(ExpiryReason.TTL)).isEqualTo(1);
  }

  @Test
  void capacity_expiry_is_counted_for_the_model_that_lost_its_prediction() {
    Monitor m = monitor(Monitor.TimeMode.WALL_CLOCK, 2);
    feed(m, "{\"model\":\"other\",\"id\":\"1\",\"flagged\":true}");
    feed(m, "{\"model\":\"fraud\",\"id\":\"2\",\"flagged\":true}");
    feed(m, "{\"model\":\"fraud\",\"id\":\"3\",\"flagged\":true}");
    assertThat(m.snapshot().model("other").orElseThrow().expired(ExpiryReason.CAPACITY))
        .isEqualTo(1);
    assertThat(m.snapshot().model("fraud").orElseThrow().pendingLabels()).isEqualTo(2);
  }

  @Test
  void a_score_is_not_a_decision_without_a_threshold() {
    Monitor m = monitor(Monitor.TimeMode.WALL_CLOCK, 10);
    feed(m, "{\"model\":\"nothreshold\",\"id\":\"1\",\"score\":0.9}");
    feed(m, "{\"type\":\"label\",\"model\":\"nothreshold\",\"id\":\"1\",\"label\":true}");
    ModelSnapshot s = m.snapshot().model("nothreshold").orElseThrow();
    assertThat(s.flagged()).isZero();
    assertThat(s.labels(JoinResult.JOINED)).isEqualTo(1);
    assertThat(s.versions().get(0).outcomes().values()).containsOnly(0L);
    assertThat(s.versions().get(0).expectedOutcomes().values()).containsOnly(0.0);
  }
}
