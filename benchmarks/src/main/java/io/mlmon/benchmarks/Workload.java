package io.mlmon.benchmarks;

import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.config.ModelConfig;
import io.mlmon.demo.LogGenerator;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.monitor.Monitor;
import io.mlmon.reference.ReferenceException;
import io.mlmon.reference.ReferenceLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The log lines and reference every ingest benchmark shares: {@code mlmon generate}'s lines (N
 * mixed features, labels for 30% of predictions arriving some lines later) held in one byte array,
 * and the reference profile loaded as {@code mlmon replay} loads it.
 *
 * <p>A benchmark cycles through the lines many times. So that a prediction's id is new on every
 * pass (as in a real log, where the label table sees fresh ids, not the same ones replaced), each
 * id starts with a six-character stamp that {@link #nextPass()} rewrites in place.
 */
final class Workload {
  private static final byte[] ID_KEY = "\"id\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final int STAMP = 6;

  final byte[] bytes;
  final int[] offsets;
  final int[] lengths;
  private final int[] stamps;
  private int pass;
  private int next;

  private Workload(byte[] bytes, int[] offsets, int[] lengths, int[] stamps) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.lengths = lengths;
    this.stamps = stamps;
  }

  /** {@code count} lines of a model with {@code features} features. */
  static Workload generate(String model, int features, int count, long seed) {
    LogGenerator generator = new LogGenerator(new LogGenerator.Spec(features, 0.3, seed, model, 0, LogGenerator.DEFAULT_START_MILLIS));
    List<byte[]> lines = new ArrayList<>(count);
    StringBuilder line = new StringBuilder(512);
    int total = 0;
    for (int i = 0; i < count; i++) {
      line.setLength(0);
      generator.nextLine(line);
      String text = line.toString().replace("\"id\":\"", "\"id\":\"" + "0".repeat(STAMP) + "-");
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      lines.add(b);
      total += b.length + 1;
    }
    byte[] bytes = new byte[total];
    int[] offsets = new int[count];
    int[] lengths = new int[count];
    int[] stamps = new int[count];
    int at = 0;
    for (int i = 0; i < count; i++) {
      byte[] b = lines.get(i);
      System.arraycopy(b, 0, bytes, at, b.length);
      offsets[i] = at;
      lengths[i] = b.length;
      stamps[i] = at + indexOf(b, ID_KEY) + ID_KEY.length;
      at += b.length;
      bytes[at++] = '\n';
    }
    return new Workload(bytes, offsets, lengths, stamps);
  }

  private static int indexOf(byte[] b, byte[] key) {
    outer:
    for (int i = 0; i + key.length <= b.length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (b[i + k] != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no id in a generated line");
  }

  int size() {
    return offsets.length;
  }

  /** The index of the next line, starting a new pass (fresh ids) after the last one. */
  int next() {
    if (next == offsets.length) {
      nextPass();
    }
    return next++;
  }

  /** Gives every id of the next pass a new stamp (base 36, so 2 billion passes are distinct). */
  void nextPass() {
    pass++;
    next = 0;
    byte[] stamp = new byte[STAMP];
    int v = pass;
    for (int k = STAMP - 1; k >= 0; k--) {
      stamp[k] = (byte) Character.forDigit(v % 36, 36);
      v /= 36;
    }
    for (int at : stamps) {
      System.arraycopy(stamp, 0, bytes, at, STAMP);
    }
  }

  /**
   * The reference training rows of a model with {@code features} features, loaded as replay does.
   */
  static ReferenceProfile reference(int features, int rows, long seed) {
    try {
      StringWriter csv = new StringWriter();
      new LogGenerator(new LogGenerator.Spec(features, 0.3, seed, "m", 0, LogGenerator.DEFAULT_START_MILLIS))
          .writeReference(csv, rows);
      Path file = Files.createTempFile("mlmon-bench-reference", ".csv");
      try {
        Files.writeString(file, csv.toString());
        return ReferenceLoader.load(
            file, ProfileOptions.DEFAULTS.withThreshold(OptionalDouble.of(0.5)));
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReferenceException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A monitor in replay's mode for the given models and their references. */
  static Monitor monitor(
      Map<String, ReferenceProfile> references, int windowSamples, int maxPending) {
    List<ModelConfig> models = new ArrayList<>();
    for (String name : references.keySet()) {
      models.add(
          new ModelConfig(
              name, java.util.Optional.empty(), "score", OptionalDouble.of(0.5), Map.of()));
    }
    Monitor.Settings settings =
        new Monitor.Settings(
            models,
            new HashMap<>(references),
            Limits.DEFAULTS,
            new LabelsConfig(Duration.ofDays(30), maxPending),
            windowSamples,
            Duration.ofDays(3650).toMillis());
    return new Monitor(settings, Monitor.TimeMode.EVENT_TIME, () -> 0L);
  }
}
