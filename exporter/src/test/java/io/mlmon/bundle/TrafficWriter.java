package io.mlmon.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a prediction log as a fraud model server would, while the end-to-end test runs: model
 * {@code fraud} version {@code v3}, 40 predictions a second, their labels a second later. The
 * oddities the alerts look for come from counters, not chance, so every run is the same:
 *
 * <ul>
 *   <li>30% of predictions flagged, 40% of those truly fraud, 1 in 35 unflagged ones fraud: a
 *       false-positive rate fp / (fp + tn) of 9/43 = 21% (the alert pages above 5%), a
 *       false-negative rate of 1/7 = 14% (it pages above 30%);
 *   <li>one prediction in 150 an error (0.7%, the alert pages above 5%), latency 5–45 ms;
 *   <li>a malformed line after every 20 lines (about 5% rejected, the ticket is above 1%);
 *   <li>data-quality events: a missing, invalid, unseen or out-of-range feature now and then;
 *   <li>with {@code drift}, inputs and scores unlike the reference of {@link #writeReference}.
 * </ul>
 */
final class TrafficWriter implements AutoCloseable {
  private static final int PER_TICK = 4;
  private static final long TICK_MILLIS = 100;

  private final Path log;
  private final boolean drift;
  private final Random random = new Random(5);
  private final Deque<long[]> unlabelled = new ArrayDeque<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "traffic-writer");
            t.setDaemon(true);
            return t;
          });
  private long predictions;
  private long lines;
  private volatile Throwable failure;

  TrafficWriter(Path log, boolean drift) {
    this.log = log;
    this.drift = drift;
  }

  void start() {
    executor.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Null while writing works; the error that stopped it otherwise. */
  Throwable failure() {
    return failure;
  }

  private synchronized void tick() {
    try {
      long now = System.currentTimeMillis();
      StringBuilder out = new StringBuilder();
      while (!unlabelled.isEmpty() && unlabelled.peekFirst()[1] <= now - 1000) {
        long[] p = unlabelled.removeFirst();
        line(out, label(p[0], now));
      }
      for (int i = 0; i < PER_TICK; i++) {
        long n = predictions++;
        if (n % 150 == 149) {
          line(out, prediction(n, now, "v3", true));
        } else {
          line(out, prediction(n, now, "v3", false));
          unlabelled.addLast(new long[] {n, now});
        }
      }
      append(out);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Predictions of {@code count} new versions at once: with {@code limits.max_versions_per_model}
   * lower than that, the exporter folds the excess into {@code __other__}.
   */
  synchronized void writeVersions(int count) {
    long now = System.currentTimeMillis();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      line(out, prediction(predictions++, now, "canary-" + i, false));
    }
    append(out);
  }

  private void line(StringBuilder out, String line) {
    out.append(line).append('\n');
    if (++lines % 20 == 0) {
      out.append("{\"ts\":\n");
    }
  }

  private void append(StringBuilder out) {
    try {
      Files.writeString(
          log,
          out,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean flagged(long n) {
    return n % 10 < 3;
  }

  /** Fraud: 2 in 5 flagged predictions, and the unflagged 7th of every 50. */
  private static boolean fraud(long n) {
    return flagged(n) ? (n / 10) % 5 < 2 : n % 50 == 7;
  }

  private String prediction(long n, long now, String version, boolean error) {
    StringBuilder s = new StringBuilder();
    s.append("{\"ts\":")
        .append(seconds(now))
        .append(",\"model\":\"fraud\",\"version\":\"")
        .append(version)
        .append("\",\"id\":\"tx-")
        .append(n)
        .append("\",\"features\":")
        .append(features(n, random, drift))
        .append(",\"latency_ms\":")
        .append(String.format(Locale.ROOT, "%.1f", 5 + random.nextDouble() * 40));
    if (error) {
      s.append(",\"error\":\"").append(n % 300 == 149 ? "TimeoutError" : "ValueError").append('"');
    } else {
      boolean flagged = flagged(n);
      s.append(",\"score\":")
          .append(String.format(Locale.ROOT, "%.4f", score(flagged, random, drift)))
          .append(",\"flagged\":")
          .append(flagged);
    }
    return s.append('}').toString();
  }

  private static String label(long n, long now) {
    return "{\"type\":\"label\",\"ts\":"
        + seconds(now)
        + ",\"model\":\"fraud\",\"id\":\"tx-"
        + n
        + "\",\"label\":"
        + fraud(n)
        + "}";
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Scores consistent with the decision at 0.5; drift moves both sides up. */
  private static double score(boolean flagged, Random random, boolean drift) {
    if (flagged) {
      return drift ? 0.85 + random.nextDouble() * 0.14 : 0.55 + random.nextDouble() * 0.25;
    }
    return drift ? 0.3 + random.nextDouble() * 0.19 : 0.01 + random.nextDouble() * 0.29;
  }

  private static String category(Random random, boolean drift) {
    double u = random.nextDouble();
    double online = drift ? 0.7 : 0.3;
    return u < online
        ? "online"
        : u < online + 0.4 ? "pos" : u < online + 0.55 ? "atm" : "transfer";
  }

  /** The features of prediction {@code n}, with a data-quality problem now and then. */
  private static String features(long n, Random random, boolean drift) {
    String amount =
        n % 53 == 0
            ? "\"n/a\""
            : n % 43 == 0
                ? "9900000"
                : String.format(
                    Locale.ROOT, "%.2f", Math.exp((drift ? 5.0 : 3.5) + random.nextGaussian()));
    String age =
        String.format(Locale.ROOT, "%.1f", -Math.log(1 - random.nextDouble()) * (drift ? 60 : 400));
    String category = n % 41 == 0 ? "crypto" : category(random, drift);
    StringBuilder s = new StringBuilder("{\"amount\":").append(amount);
    if (n % 37 != 0) {
      s.append(",\"hour\":").append(random.nextInt(24));
    }
    return s.append(",\"account_age_days\":")
        .append(age)
        .append(",\"merchant_category\":\"")
        .append(category)
        .append("\"}")
        .toString();
  }

  /** Training rows drawn like the traffic without drift (fixed seed): the model's reference. */
  static void writeReference(Path csv, int rows) throws IOException {
    Random random = new Random(42);
    StringBuilder out = new StringBuilder("amount,hour,account_age_days,merchant_category,score\n");
    for (int i = 0; i < rows; i++) {
      boolean flagged = i % 10 < 3;
      out.append(String.format(Locale.ROOT, "%.2f", Math.exp(3.5 + random.nextGaussian())))
          .append(',')
          .append(random.nextInt(24))
          .append(',')
          .append(String.format(Locale.ROOT, "%.1f", -Math.log(1 - random.nextDouble()) * 400))
          .append(',')
          .append(category(random, false))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", score(flagged, random, false)))
          .append('\n');
    }
    Files.writeString(csv, out);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
