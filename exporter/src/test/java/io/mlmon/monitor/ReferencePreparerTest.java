package io.mlmon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.config.ModelConfig;
import io.mlmon.demo.LogGenerator;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.EventPreparer;
import io.mlmon.reference.ReferenceLoader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features resolved on the parse worker count exactly as features the tracker resolves itself. */
class ReferencePreparerTest {
  @TempDir Path dir;

  private static final List<String> ODD_LINES =
      List.of(
          // f00, f01 numeric; f02 country, f03 hour (numbers as categories), f04 boolean, f05
          // channel
          "{\"model\":\"fraud\",\"id\":\"a\",\"features\":{\"f00\":null,\"f01\":\"text\","
              + "\"f02\":\"XX\",\"f03\":1.5,\"f04\":\"yes\",\"f05\":\"\"},\"score\":0.3}",
          "{\"model\":\"fraud\",\"id\":\"b\",\"features\":{\"f00\":1e999,\"f01\":{\"a\":1},"
              + "\"f02\":[1],\"f03\":-1e999,\"f04\":true,\"f05\":\"web\"},\"score\":0.9}",
          "{\"model\":\"fraud\",\"id\":\"c\",\"features\":{\"f00\":1,\"f00\":2,\"zz\":3,"
              + "\"f01\":-1e9,\"f03\":7,\"f02\":null}}",
          "{\"model\":\"other\",\"id\":\"d\",\"features\":{\"f00\":1}}",
          "{\"model\":\"fraud\",\"id\":\"e\",\"features\":{}}");

  @Test
  void prepared_and_unprepared_events_give_the_same_counts() throws Exception {
    LogGenerator generator = generator();
    ReferenceProfile profile = profile(generator);
    List<String> lines = new ArrayList<>(ODD_LINES);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      line.setLength(0);
      generator.nextLine(line);
      lines.add(line.toString());
    }
    lines.addAll(ODD_LINES);

    Monitor plain = monitor(profile);
    Monitor prepared = monitor(profile);
    EventPreparer preparer = prepared.newPreparer();
    EventParser plainParser = new EventParser(FieldMapping.DEFAULTS, 50);
    EventParser preparedParser = new EventParser(FieldMapping.DEFAULTS, 50);
    for (String l : lines) {
      byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
      assertThat(plainParser.parse(bytes, 0, bytes.length)).as(l).isNull();
      plain.accept(plainParser.event(), 0L);
      assertThat(preparedParser.parse(bytes, 0, bytes.length)).isNull();
      preparer.prepare(preparedParser.event());
      prepared.accept(preparedParser.event(), 0L);
    }

    MonitorSnapshot expected = plain.snapshot();
    assertThat(prepared.snapshot()).isEqualTo(expected);
    List<FeatureStats> features = expected.model("fraud").orElseThrow().features();
    // Every verdict a value can get is exercised.
    assertThat(features.stream().mapToLong(FeatureStats::missing).sum()).isPositive();
    assertThat(features.stream().mapToLong(FeatureStats::invalidType).sum()).isPositive();
    assertThat(features.stream().mapToLong(FeatureStats::invalidNonFinite).sum()).isPositive();
    assertThat(features.stream().mapToLong(FeatureStats::unseenCategory).sum()).isPositive();
    assertThat(features.stream().mapToLong(FeatureStats::outOfRange).sum()).isPositive();
  }

  @Test
  void a_repeated_feature_counts_its_first_value_and_an_absent_one_counts_as_missing()
      throws Exception {
    ReferenceProfile profile = profile(generator());
    for (boolean prepare : new boolean[] {false, true}) {
      Monitor monitor = monitor(profile);
      EventPreparer preparer = monitor.newPreparer();
      EventParser parser = new EventParser(FieldMapping.DEFAULTS, 50);
      for (String l : ODD_LINES) {
        byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bytes, 0, bytes.length)).isNull();
        if (prepare) {
          preparer.prepare(parser.event());
        }
        monitor.accept(parser.event(), 0L);
      }
      FeatureStats f00 =
          monitor.snapshot().model("fraud").orElseThrow().features().stream()
              .filter(f -> f.name().equals("f00"))
              .findFirst()
              .orElseThrow();
      // a: null, b: 1e999, c: 1 then 2 (the first counts), e: absent.
      assertThat(f00.missing()).as("prepared: " + prepare).isEqualTo(2);
      assertThat(f00.invalidNonFinite()).isEqualTo(1);
      assertThat(f00.binCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
      int binOfOne = profile.features().get(profile.indexOf("f00")).binOf(1.0);
      assertThat(f00.binCounts().get(binOfOne)).isEqualTo(1);
    }
  }

  private static LogGenerator generator() {
    return new LogGenerator(
        new LogGenerator.Spec(12, 0.3, 7, "fraud", 0.5, LogGenerator.DEFAULT_START_MILLIS));
  }

  /** The reference of 2,000 rows the generator writes. */
  private ReferenceProfile profile(LogGenerator generator) throws Exception {
    Path reference = dir.resolve("reference.csv");
    try (Writer w = Files.newBufferedWriter(reference)) {
      generator.writeReference(w, 2_000);
    }
    return ReferenceLoader.load(reference, ProfileOptions.DEFAULTS);
  }

  private static Monitor monitor(ReferenceProfile profile) {
    return new Monitor(
        new Monitor.Settings(
            List.of(
                new ModelConfig(
                    "fraud", Optional.empty(), "score", OptionalDouble.of(0.5), Map.of())),
            Map.of("fraud", profile),
            Limits.DEFAULTS,
            new LabelsConfig(Duration.ofDays(1), 10_000),
            1_000,
            Duration.ofHours(1).toMillis()),
        Monitor.TimeMode.EVENT_TIME,
        () -> 0L);
  }
}
