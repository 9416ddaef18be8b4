package io.mlmon.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes realistic prediction logs of any size for tests, benchmarks and soak runs: N features of
 * mixed types (normal and log-normal numbers, integers, categories, booleans, now and then a
 * missing value), a score, latency, occasional errors, and labels for a share of the predictions
 * arriving some lines later. Deterministic for a seed. The matching reference (training rows from
 * the same distributions) comes from {@link #writeReference}.
 */
public final class LogGenerator {
  /**
   * What to generate. {@code shift} moves every numeric feature by that many standard deviations;
   * events are stamped from {@code startMillis} on, a few milliseconds apart.
   */
  public record Spec(
      int features, double labelShare, long seed, String model, double shift, long startMillis) {
    public Spec {
      if (features < 0 || features > 10_000) {
        throw new IllegalArgumentException("features must be 0..10000");
      }
      if (labelShare < 0 || labelShare > 1) {
        throw new IllegalArgumentException("labelShare must be in [0, 1]");
      }
    }

    public static Spec of(int features) {
      return new Spec(features, 0.3, 1, "fraud", 0, DEFAULT_START_MILLIS);
    }
  }

  private static final String[] COUNTRIES = {
    "DE", "FR", "NL", "GB", "US", "ES", "IT", "PL", "SE", "CH", "AT", "BE"
  };
  private static final String[] CHANNELS = {"web", "app", "pos", "atm", "phone"};

  private final Spec spec;
  private final SplittableRandom random;
  private final Deque<String> labelsDue = new ArrayDeque<>();
  private long sequence;

  /** 2026-11-25T09:46:40Z: a fixed start keeps generated files identical run after run. */
  public static final long DEFAULT_START_MILLIS = 1_795_600_000_000L;

  private long timeMillis;

  public LogGenerator(Spec spec) {
    this.spec = spec;
    this.random = new SplittableRandom(spec.seed());
    this.timeMillis = spec.startMillis();
  }

  public static String featureName(int i) {
    return String.format(Locale.ROOT, "f%02d", i);
  }

  /** Kind of feature {@code i}: 0 normal, 1 log-normal, 2 country, 3 hour, 4 boolean, 5 channel. */
  static int kind(int i) {
    return i % 6;
  }

  /** Appends lines until about {@code bytes} were written; returns the lines written. */
  public long write(Writer out, long bytes) throws IOException {
    StringBuilder line = new StringBuilder(512);
    long written = 0;
    long lines = 0;
    while (written < bytes) {
      line.setLength(0);
      nextLine(line);
      line.append('\n');
      out.write(line.toString());
      written += line.length();
      lines++;
    }
    return lines;
  }

  /** Appends one line (no newline): a prediction, or a label that has come due. */
  public boolean nextLine(StringBuilder out) {
    return nextLine(out, timeMillis + 1 + random.nextInt(20));
  }

  /**
   * Appends one line stamped {@code atMillis} (for traffic written in real time); returns true when
   * it is a label.
   */
  public boolean nextLine(StringBuilder out, long atMillis) {
    timeMillis = atMillis;
    // Labels come due a few thousand lines after their prediction, like delayed chargebacks.
    if (labelsDue.size() > 1000 || (!labelsDue.isEmpty() && random.nextInt(50) == 0)) {
      String id = labelsDue.pollFirst();
      out.append("{\"type\":\"label\",\"ts\":\"")
          .append(Instant.ofEpochMilli(timeMillis))
          .append("\",\"model\":\"")
          .append(spec.model())
          .append("\",\"id\":\"")
          .append(id)
          .append("\",\"label\":")
          .append(random.nextInt(20) == 0)
          .append('}');
      return true;
    }
    String id = "tx-" + sequence++;
    out.append("{\"ts\":\"")
        .append(Instant.ofEpochMilli(timeMillis))
        .append("\",\"model\":\"")
        .append(spec.model())
        .append("\",\"version\":\"v")
        .append(1 + (sequence % 50 == 0 ? 1 : 0))
        .append("\",\"id\":\"")
        .append(id)
        .append("\",\"features\":{");
    double risk = -3;
    for (int i = 0; i < spec.features(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(featureName(i)).append("\":");
      if (random.nextInt(500) == 0) {
        out.append("null");
        continue;
      }
      switch (kind(i)) {
        case 0 -> {
          double v = random.nextGaussian() + spec.shift();
          risk += 0.2 * v;
          appendNumber(out, v);
        }
        case 1 -> appendNumber(out, Math.exp(3 + random.nextGaussian() + spec.shift()));
        case 2 -> out.append('"').append(COUNTRIES[skewed(COUNTRIES.length)]).append('"');
        case 3 -> out.append(random.nextInt(24));
        case 4 -> out.append(random.nextInt(10) == 0);
        default -> out.append('"').append(CHANNELS[skewed(CHANNELS.length)]).append('"');
      }
    }
    double score = 1 / (1 + Math.exp(-(risk + random.nextGaussian())));
    out.append("},\"score\":");
    appendNumber(out, score);
    out.append(",\"latency_ms\":");
    appendNumber(
        out,
        random.nextInt(100) == 0 ? 200 + random.nextDouble() * 800 : 2 + random.nextDouble() * 18);
    if (random.nextInt(200) == 0) {
      out.append(",\"error\":\"")
          .append(random.nextBoolean() ? "TimeoutError" : "ValueError")
          .append('"');
    }
    out.append('}');
    if (random.nextDouble() < spec.labelShare()) {
      labelsDue.addLast(id);
    }
    return false;
  }

  /** Training rows from the same distributions (without shift), as CSV with a header. */
  public void writeReference(Writer out, int rows) throws IOException {
    SplittableRandom r = new SplittableRandom(spec.seed() + 1);
    BufferedWriter w = new BufferedWriter(out);
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < spec.features(); i++) {
      header.append(featureName(i)).append(',');
    }
    w.write(header.append("score\n").toString());
    StringBuilder line = new StringBuilder();
    for (int row = 0; row < rows; row++) {
      line.setLength(0);
      double risk = -3;
      for (int i = 0; i < spec.features(); i++) {
        switch (kind(i)) {
          case 0 -> {
            double v = r.nextGaussian();
            risk += 0.2 * v;
            appendNumber(line, v);
          }
          case 1 -> appendNumber(line, Math.exp(3 + r.nextGaussian()));
          case 2 -> line.append(COUNTRIES[skewed(r, COUNTRIES.length)]);
          case 3 -> line.append(r.nextInt(24));
          case 4 -> line.append(r.nextInt(10) == 0);
          default -> line.append(CHANNELS[skewed(r, CHANNELS.length)]);
        }
        line.append(',');
      }
      appendNumber(line, 1 / (1 + Math.exp(-(risk + r.nextGaussian()))));
      w.write(line.append('\n').toString());
    }
    w.flush();
  }

  private int skewed(int n) {
    return skewed(random, n);
  }

  /** A category index where lower indexes are more frequent, like real traffic. */
  private static int skewed(SplittableRandom r, int n) {
    int a = r.nextInt(n);
    int b = r.nextInt(n);
    return Math.min(a, b);
  }

  private static void appendNumber(StringBuilder out, double v) {
    // Four decimals, like typical logs, without String.format's cost.
    long scaled = Math.round(v * 10_000);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / 10_000).append('.');
    long fraction = scaled % 10_000;
    if (fraction < 1000) {
      out.append('0');
    }
    if (fraction < 100) {
      out.append('0');
    }
    if (fraction < 10) {
      out.append('0');
    }
    out.append(fraction);
  }
}
