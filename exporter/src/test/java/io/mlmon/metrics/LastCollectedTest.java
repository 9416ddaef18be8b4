package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Scrapes between two publishes reuse what the collectors made; a new snapshot is collected. */
class LastCollectedTest {
  @Test
  void collects_again_only_when_an_input_is_another_instance() {
    LastCollected last = new LastCollected();
    AtomicInteger collected = new AtomicInteger();
    Object first = new Object();
    Object second = new Object();
    MetricSnapshots a = last.get(first, second, () -> count(collected));
    assertThat(last.get(first, second, () -> count(collected))).isSameAs(a);
    assertThat(collected).hasValue(1);

    MetricSnapshots b = last.get(first, new Object(), () -> count(collected));
    assertThat(b).isNotSameAs(a);
    assertThat(last.get(new Object(), null, () -> count(collected))).isNotSameAs(b);
    assertThat(collected).hasValue(3);
  }

  @Test
  void the_collectors_hand_out_the_same_snapshots_until_ingest_or_drift_publishes() {
    AtomicReference<IngestSnapshot> ingest = new AtomicReference<>(IngestSnapshot.EMPTY);
    AtomicReference<DriftReport> drift = new AtomicReference<>(DriftReport.EMPTY);
    IngestMetrics ingestMetrics = new IngestMetrics(ingest::get);
    ModelMetrics modelMetrics = new ModelMetrics(ingest::get);
    DriftMetrics driftMetrics = new DriftMetrics(ingest::get, drift::get);
    MetricSnapshots ingestBefore = ingestMetrics.collect();
    MetricSnapshots modelBefore = modelMetrics.collect();
    MetricSnapshots driftBefore = driftMetrics.collect();
    assertThat(ingestMetrics.collect()).isSameAs(ingestBefore);
    assertThat(modelMetrics.collect()).isSameAs(modelBefore);
    assertThat(driftMetrics.collect()).isSameAs(driftBefore);

    // Equal content, but published anew: compared by identity, so collected again.
    ingest.set(
        new IngestSnapshot(
            IngestSnapshot.EMPTY.sources(),
            IngestSnapshot.EMPTY.monitor(),
            IngestSnapshot.EMPTY.checkpoint(),
            1));
    assertThat(ingestMetrics.collect()).isNotSameAs(ingestBefore);
    assertThat(modelMetrics.collect()).isNotSameAs(modelBefore);
    MetricSnapshots driftAfterIngest = driftMetrics.collect();
    assertThat(driftAfterIngest).isNotSameAs(driftBefore);

    drift.set(new DriftReport(DriftReport.EMPTY.models(), 5));
    assertThat(driftMetrics.collect()).isNotSameAs(driftAfterIngest);
  }

  private static MetricSnapshots count(AtomicInteger collected) {
    collected.incrementAndGet();
    return MetricSnapshots.of();
  }
}
