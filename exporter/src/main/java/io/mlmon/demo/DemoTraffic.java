package io.mlmon.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the fraud simulator's traffic to a log as a model server would: a steady stream of
 * predictions stamped with the wall clock, and their labels once due. {@code speed} runs the
 * scenario faster (more transactions per second, labels and the drift episode sooner), while the
 * lines keep real time stamps.
 */
public final class DemoTraffic implements Runnable {
  /** Transactions per simulated second. */
  public static final double RATE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

  private final Path log;
  private final double speed;
  private final FraudSimulator simulator;
  private final LongSupplier wallClockMillis;
  private volatile boolean running = true;
  private volatile long written;

  public DemoTraffic(Path log, double speed, long seed, LongSupplier wallClockMillis) {
    this.log = log;
    this.speed = speed;
    this.simulator = new FraudSimulator(seed);
    this.wallClockMillis = wallClockMillis;
  }

  /** Writes the reference training rows: pre-drift transactions with the model's score. */
  public static void writeReference(Path file, int rows, long seed) throws IOException {
    FraudSimulator simulator = new FraudSimulator(seed);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(FraudSimulator.REFERENCE_HEADER);
      w.write('\n');
      for (int i = 0; i < rows; i++) {
        w.write(simulator.referenceRow());
        w.write('\n');
      }
    }
  }

  public long linesWritten() {
    return written;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    long start = wallClockMillis.getAsLong();
    long transactions = 0;
    boolean announced = false;
    try (Writer out =
        Files.newBufferedWriter(
            log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      while (running) {
        long now = wallClockMillis.getAsLong();
        double simulated = (now - start) / 1000.0 * speed;
        String stamp = Instant.ofEpochMilli(now).toString();
        StringBuilder batch = new StringBuilder();
        long due = (long) (simulated * RATE);
        for (; transactions < due; transactions++) {
          double t = transactions / RATE;
          FraudSimulator.Transaction tx = simulator.transaction(t);
          batch.append(simulator.predictionLine(tx, t, stamp)).append('\n');
          simulator.scheduleLabel(tx, t);
          written++;
        }
        written += simulator.dueLabels(simulated, batch, s -> stamp);
        if (!announced && simulated >= FraudSimulator.DRIFT_START_SECONDS) {
          LOG.info(
              "demo: the drift episode starts now (bigger amounts, crypto merchants, more US cards)");
          announced = true;
        }
        out.write(batch.toString());
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException e) {
      LOG.error("demo: cannot write {}: {}", log, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
