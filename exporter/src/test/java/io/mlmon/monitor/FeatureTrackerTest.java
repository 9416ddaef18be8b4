package io.mlmon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.ReferenceProfileBuilder;
import io.mlmon.drift.WindowSample;
import io.mlmon.ingest.EventParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureTrackerTest {
  private final EventParser parser = new EventParser(FieldMapping.DEFAULTS, 10);

  /** A numeric "x" and a categorical "c" (even, odd). */
  private static ReferenceProfile profile() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < 100; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("x", (double) i);
      row.put("c", i % 2 == 0 ? "even" : "odd");
      b.addValueRow(row);
    }
    return b.build();
  }

  private void observe(FeatureTracker tracker, String features, long time) {
    byte[] line =
        ("{\"model\":\"m\",\"features\":" + features + "}").getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(line, 0, line.length)).isNull();
    tracker.observe(parser.event(), time);
  }

  /**
   * Rows where every feature appears are not cleared before they are filled (see {@link
   * io.mlmon.drift.DriftWindow#beginFullRow}), so each kind of bad value must mark its feature
   * missing itself, over whatever the reused row held before.
   */
  @Test
  void a_bad_value_in_a_complete_event_is_missing_in_the_window_whatever_the_row_held() {
    FeatureTracker tracker = new FeatureTracker(profile(), 4);
    for (int i = 0; i < 4; i++) {
      observe(tracker, "{\"x\":" + (10 + i) + ",\"c\":\"even\"}", i);
    }
    // Each replaces a full row; the categorical values are bad in the first three.
    observe(tracker, "{\"x\":\"text\",\"c\":\"\"}", 4);
    observe(tracker, "{\"x\":null,\"c\":null}", 5);
    observe(tracker, "{\"x\":1e999,\"c\":[1]}", 6);
    observe(tracker, "{\"x\":42,\"c\":\"odd\"}", 7);

    WindowSample window = tracker.windowSample();
    assertThat(window.rows()).isEqualTo(4);
    assertThat(window.numericValues(0)).containsExactly(42);
    int odd = profile().feature(1).binOf("odd");
    assertThat(window.values(1)).isEqualTo(1);
    assertThat(window.binCounts(1)[odd]).isEqualTo(1);
  }
}
