package io.mlmon.demo;

import java.util.Comparator;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/**
 * A bank's card-fraud model in miniature: transactions (amount, hour, merchant category, country,
 * account age, device), about 1% of them fraud; a fixed logistic scoring model with a 0.5
 * threshold; chargebacks that label each transaction some time later; occasional errors and latency
 * spikes; and, from {@link #DRIFT_START_SECONDS} of simulated time on, a drift episode (larger
 * amounts, a new merchant category, more foreign cards) that the exporter should catch. Pure: the
 * caller supplies simulated time and writes the lines.
 */
public final class FraudSimulator {
  public static final String MODEL = "fraud";
  public static final double THRESHOLD = 0.5;

  /** Simulated seconds before the drift episode starts. */
  public static final long DRIFT_START_SECONDS = 180;

  static final String[] CATEGORIES = {
    "grocery", "restaurants", "fuel", "online", "travel", "electronics", "jewelry", "gambling"
  };
  private static final double[] CATEGORY_LEGIT = {30, 20, 15, 20, 6, 5, 2, 2};
  private static final double[] CATEGORY_FRAUD = {5, 5, 3, 35, 10, 22, 12, 8};
  static final String[] COUNTRIES = {"DE", "FR", "NL", "AT", "CH", "GB", "US", "NG"};
  private static final double[] COUNTRY_LEGIT = {62, 8, 7, 6, 5, 6, 5, 1};
  private static final double[] COUNTRY_FRAUD = {25, 8, 5, 3, 3, 12, 24, 20};
  static final String[] DEVICES = {"mobile", "desktop", "tablet", "pos"};
  private static final double[] DEVICE_LEGIT = {45, 20, 5, 30};
  private static final double[] DEVICE_FRAUD = {40, 45, 10, 5};

  private record DueLabel(long dueMillis, String id, boolean fraud) {}

  /** A transaction and what the model said about it. */
  public record Transaction(
      String id,
      double amount,
      int hour,
      String merchantCategory,
      String country,
      double accountAgeDays,
      String device,
      boolean fraud,
      double score) {}

  private final SplittableRandom random;
  private final PriorityQueue<DueLabel> pendingLabels =
      new PriorityQueue<>(Comparator.comparingLong(DueLabel::dueMillis));
  private long sequence;

  public FraudSimulator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A transaction at simulated second {@code t} (drifted from {@link #DRIFT_START_SECONDS}). */
  public Transaction transaction(double t) {
    boolean drifted = t >= DRIFT_START_SECONDS;
    boolean fraud = random.nextDouble() < (drifted ? 0.02 : 0.01);
    double amount =
        Math.exp(
            (fraud ? 4.6 : 3.5)
                + (drifted ? 0.6 : 0)
                + (fraud ? 1.0 : 1.1) * random.nextGaussian());
    int hour = fraud && random.nextDouble() < 0.5 ? random.nextInt(6) : dayHour();
    String category;
    if (drifted && random.nextDouble() < 0.12) {
      category = "crypto"; // a merchant category the model never saw in training
    } else {
      category = pick(CATEGORIES, fraud ? CATEGORY_FRAUD : CATEGORY_LEGIT);
    }
    String country =
        drifted && random.nextDouble() < 0.15
            ? "US"
            : pick(COUNTRIES, fraud ? COUNTRY_FRAUD : COUNTRY_LEGIT);
    double age = -Math.log(1 - random.nextDouble()) * (fraud ? 60 : 900);
    String device = pick(DEVICES, fraud ? DEVICE_FRAUD : DEVICE_LEGIT);
    double score = score(amount, hour, category, country, age, device);
    return new Transaction(
        "tx-" + sequence++,
        round(amount, 2),
        hour,
        category,
        country,
        round(age, 1),
        device,
        fraud,
        round(score, 4));
  }

  /**
   * The "trained" model: the Bayes posterior P(fraud | features) under the pre-drift traffic, so
   * its scores are calibrated probabilities (what mlmon's expected outcomes assume) and its
   * expected false negatives match the labelled ones until the traffic drifts.
   */
  static double score(
      double amount, int hour, String category, String country, double ageDays, String device) {
    double logOdds = Math.log(FRAUD_SHARE / (1 - FRAUD_SHARE));
    double x = Math.log(amount);
    logOdds += logNormal(x, 4.6, 1.0) - logNormal(x, 3.5, 1.1);
    logOdds += Math.log(0.5 * (hour < 6 ? 1 / 6.0 : 0) / DAY_HOURS[hour] + 0.5);
    logOdds += logRatio(CATEGORIES, CATEGORY_FRAUD, CATEGORY_LEGIT, category);
    logOdds += logRatio(COUNTRIES, COUNTRY_FRAUD, COUNTRY_LEGIT, country);
    logOdds += Math.log(900.0 / 60.0) - ageDays / 60.0 + ageDays / 900.0;
    logOdds += logRatio(DEVICES, DEVICE_FRAUD, DEVICE_LEGIT, device);
    return 1 / (1 + Math.exp(-logOdds));
  }

  private static final double FRAUD_SHARE = 0.01;

  /** P(hour) of daytime traffic: a normal around 14:00, sd 4.5 h, rounded and wrapped. */
  private static final double[] DAY_HOURS = dayHours();

  private static double[] dayHours() {
    double[] p = new double[24];
    for (int k = -200_000; k < 200_000; k++) {
      double h = 14 + 4.5 * k / 20_000.0;
      p[Math.floorMod(Math.round(h), 24)] += Math.exp(-0.5 * Math.pow(k / 20_000.0, 2));
    }
    double total = 0;
    for (double v : p) {
      total += v;
    }
    for (int i = 0; i < 24; i++) {
      p[i] /= total;
    }
    return p;
  }

  private static double logNormal(double x, double mean, double sd) {
    double z = (x - mean) / sd;
    return -0.5 * z * z - Math.log(sd);
  }

  /** log P(value | fraud) / P(value | legitimate); 0 for a value the model never saw. */
  private static double logRatio(String[] values, double[] fraud, double[] legit, String value) {
    double fraudTotal = 0;
    double legitTotal = 0;
    for (int i = 0; i < values.length; i++) {
      fraudTotal += fraud[i];
      legitTotal += legit[i];
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(value)) {
        return Math.log((fraud[i] / fraudTotal) / (legit[i] / legitTotal));
      }
    }
    return 0;
  }

  /** The prediction log line for a transaction, served at simulated second {@code t}. */
  public String predictionLine(Transaction tx, double t, String timestamp) {
    StringBuilder b = new StringBuilder(320);
    b.append("{\"ts\":\"")
        .append(timestamp)
        .append("\",\"model\":\"")
        .append(MODEL)
        .append("\",\"version\":\"")
        .append(t < DRIFT_START_SECONDS * 2 ? "v3" : "v4")
        .append("\",\"id\":\"")
        .append(tx.id())
        .append("\",\"features\":{\"amount\":")
        .append(tx.amount())
        .append(",\"hour\":")
        .append(tx.hour())
        .append(",\"merchant_category\":\"")
        .append(tx.merchantCategory())
        .append("\",\"country\":\"")
        .append(tx.country())
        .append("\",\"account_age_days\":")
        .append(tx.accountAgeDays())
        .append(",\"device_type\":\"")
        .append(tx.device())
        .append("\"}");
    if (random.nextInt(300) == 0) {
      b.append(",\"error\":\"")
          .append(random.nextBoolean() ? "TimeoutError" : "FeatureStoreUnavailable")
          .append("\",\"latency_ms\":")
          .append(round(1000 + random.nextDouble() * 2000, 1))
          .append('}');
      return b.toString();
    }
    b.append(",\"score\":")
        .append(tx.score())
        .append(",\"flagged\":")
        .append(tx.score() >= THRESHOLD)
        .append(",\"latency_ms\":")
        .append(round(latencyMs(t), 1))
        .append('}');
    return b.toString();
  }

  /** Latency with a spike for 20 simulated seconds every two minutes. */
  private double latencyMs(double t) {
    double base = Math.exp(2.4 + 0.35 * random.nextGaussian());
    boolean spike = (long) t % 120 >= 100;
    return spike && random.nextInt(5) == 0 ? base * 20 : base;
  }

  /**
   * Schedules the chargeback outcome of a transaction: fraud is confirmed, legitimate transactions
   * are closed as such, {@code delaySeconds} of simulated time later.
   */
  public void scheduleLabel(Transaction tx, double t) {
    double delay = 20 + random.nextDouble() * 70;
    pendingLabels.add(new DueLabel((long) ((t + delay) * 1000), tx.id(), tx.fraud()));
  }

  /** Appends label lines due by simulated second {@code t}; returns how many. */
  public int dueLabels(double t, StringBuilder out, DoubleFunction<String> timestamp) {
    int n = 0;
    while (!pendingLabels.isEmpty() && pendingLabels.peek().dueMillis() <= t * 1000) {
      DueLabel due = pendingLabels.poll();
      out.append("{\"type\":\"label\",\"ts\":\"")
          .append(timestamp.apply(due.dueMillis() / 1000.0))
          .append("\",\"model\":\"")
          .append(MODEL)
          .append("\",\"id\":\"")
          .append(due.id())
          .append("\",\"label\":")
          .append(due.fraud())
          .append("}\n");
      n++;
    }
    return n;
  }

  /** One reference row (CSV, matching {@link #REFERENCE_HEADER}) from pre-drift traffic. */
  public String referenceRow() {
    Transaction tx = transaction(0);
    return String.format(
        Locale.ROOT,
        "%s,%d,%s,%s,%s,%s,%s",
        tx.amount(),
        tx.hour(),
        tx.merchantCategory(),
        tx.country(),
        tx.accountAgeDays(),
        tx.device(),
        tx.score());
  }

  public static final String REFERENCE_HEADER =
      "amount,hour,merchant_category,country,account_age_days,device_type,score";

  private int dayHour() {
    // Busy daytime, quiet nights.
    double h = 14 + 4.5 * random.nextGaussian();
    return Math.floorMod(Math.round(h), 24);
  }

  private String pick(String[] values, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static double round(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }
}
