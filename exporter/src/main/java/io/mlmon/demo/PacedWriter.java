package io.mlmon.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Writes generated traffic in real time, as a busy model server does: {@code rate} lines a second
 * stamped with the wall clock, rotated like logrotate (renamed to {@code .1}, {@code .2}, … and a
 * new file started) every {@code rotateEveryMillis}. For soak runs and live trials; tells how many
 * predictions and labels it wrote.
 */
public final class PacedWriter {
  /** What was written. */
  public record Totals(long lines, long predictions, long labels, int rotations) {}

  private static final long TICK_MILLIS = 10;

  private final LogGenerator generator;
  private final Path log;
  private final double rate;
  private final long rotateEveryMillis;
  private final LongSupplier clock;

  public PacedWriter(
      LogGenerator generator, Path log, double rate, long rotateEveryMillis, LongSupplier clock) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.generator = generator;
    this.log = log;
    this.rate = rate;
    this.rotateEveryMillis = rotateEveryMillis;
    this.clock = clock;
  }

  /** Writes for {@code durationMillis}, then returns what it wrote. */
  public Totals run(long durationMillis) throws IOException, InterruptedException {
    long start = clock.getAsLong();
    long lines = 0;
    long labels = 0;
    int rotations = 0;
    long nextRotation = rotateEveryMillis > 0 ? start + rotateEveryMillis : Long.MAX_VALUE;
    StringBuilder batch = new StringBuilder(1 << 16);
    Writer out = open();
    try {
      while (true) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed >= durationMillis) {
          break;
        }
        long due = (long) (elapsed / 1000.0 * rate);
        batch.setLength(0);
        for (; lines < due; lines++) {
          if (generator.nextLine(batch, now)) {
            labels++;
          }
          batch.append('\n');
        }
        out.write(batch.toString());
        out.flush();
        if (now >= nextRotation) {
          out.close();
          rotations++;
          Files.move(log, log.resolveSibling(log.getFileName() + "." + rotations));
          out = open();
          nextRotation += rotateEveryMillis;
        }
        Thread.sleep(TICK_MILLIS);
      }
    } finally {
      out.close();
    }
    return new Totals(lines, lines - labels, labels, rotations);
  }

  private Writer open() throws IOException {
    return Files.newBufferedWriter(
        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
