package io.mlmon.cli;

import io.mlmon.config.Durations;
import io.mlmon.demo.LogGenerator;
import io.mlmon.demo.PacedWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlmon generate}: synthetic prediction logs for benchmarks, soak runs and trials. */
@Command(
    name = "generate",
    description =
        "Write a synthetic prediction log (and optionally its reference CSV) for benchmarks and"
            + " trials.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "log to write")
  Path out;

  @Option(
      names = "--size",
      defaultValue = "100M",
      paramLabel = "SIZE",
      description = "about how much to write: bytes, or with K, M, G (default ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--features", defaultValue = "20", description = "features per prediction")
  int features;

  @Option(names = "--labels", defaultValue = "0.3", description = "share of predictions labelled")
  double labels;

  @Option(names = "--model", defaultValue = "fraud", description = "model name")
  String model;

  @Option(names = "--seed", defaultValue = "1", description = "random seed")
  long seed;

  @Option(
      names = "--shift",
      defaultValue = "0",
      description = "move numeric features by this many standard deviations (drift)")
  double shift;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      description = "also write reference training rows (CSV) from the undrifted distributions")
  Path reference;

  @Option(names = "--reference-rows", defaultValue = "20000", description = "rows of the reference")
  int referenceRows;

  @Option(
      names = "--rate",
      paramLabel = "LINES_PER_SECOND",
      description =
          "write in real time at this rate, stamped with the wall clock, for --duration (instead"
              + " of --size)")
  Double rate;

  @Option(names = "--duration", defaultValue = "1m", description = "with --rate: how long")
  String duration;

  @Option(
      names = "--rotate-every",
      paramLabel = "DURATION",
      description = "with --rate: rename the log to LOG.1, LOG.2, … this often, like logrotate")
  String rotateEvery;

  @Override
  public Integer call() throws IOException {
    // Paced traffic is stamped with the wall clock; a file of a given size, from a fixed start.
    long startMillis =
        rate != null ? System.currentTimeMillis() : LogGenerator.DEFAULT_START_MILLIS;
    LogGenerator generator;
    try {
      generator =
          new LogGenerator(
              new LogGenerator.Spec(features, labels, seed, model, shift, startMillis));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    if (rate != null) {
      return paced(generator);
    }
    long bytes = parseSize(size);
    long lines;
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      lines = generator.write(w, bytes);
    }
    if (reference != null) {
      try (Writer w = Files.newBufferedWriter(reference, StandardCharsets.UTF_8)) {
        generator.writeReference(w, referenceRows);
      }
    }
    System.err.printf(
        Locale.ROOT, "wrote %d lines (%d bytes) to %s%n", lines, Files.size(out), out);
    return 0;
  }

  /** Real-time traffic; prints the totals as one JSON line on stdout for scripts to check. */
  private Integer paced(LogGenerator generator) throws IOException {
    long rotateMillis = rotateEvery == null ? 0 : duration(rotateEvery, "--rotate-every");
    PacedWriter.Totals totals;
    try {
      totals =
          new PacedWriter(generator, out, rate, rotateMillis, System::currentTimeMillis)
              .run(duration(duration, "--duration"));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    System.out.printf(
        Locale.ROOT,
        "{\"lines\":%d,\"predictions\":%d,\"labels\":%d,\"rotations\":%d}%n",
        totals.lines(),
        totals.predictions(),
        totals.labels(),
        totals.rotations());
    return 0;
  }

  private static long duration(String text, String option) {
    try {
      return Durations.parse(text).toMillis();
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage(), 2);
    }
  }

  static long parseSize(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
      unit =
          switch (t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            default -> 1L << 30;
          };
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v * unit;
    } catch (NumberFormatException e) {
      throw new UserError("--size: not a size: " + text + " (e.g. 100M, 1G)", 2);
    }
  }
}
