package io.mlmon.cli;

import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.reference.ProfileWriter;
import io.mlmon.reference.ProgressListener;
import io.mlmon.reference.ReferenceException;
import io.mlmon.reference.ReferenceLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlmon profile}: training rows (CSV or JSON Lines) to a reference profile (JSON). */
@Command(
    name = "profile",
    description =
        "Build a reference profile (JSON) from training data in CSV (with a header row) or JSON"
            + " Lines; the profile can stand in for the data as a model's reference.")
final class ProfileCommand implements Callable<Integer> {
  /** Inputs smaller than this finish too soon for a progress bar to help. */
  static final long PROGRESS_MIN_BYTES = 8L << 20;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "training rows: .csv, .jsonl/.ndjson, or a profile to re-derive")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "profile to write")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "the model's name; for log events, only this model's events are read")
  String model;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "flagged = score >= X, for the reference flag ratio")
  Double threshold;

  @Option(
      names = "--score-column",
      paramLabel = "NAME",
      defaultValue = "score",
      description = "the column holding the model's output (default: ${DEFAULT-VALUE})")
  String scoreColumn;

  @Option(
      names = "--bins",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "quantile bins of numeric features shown in the profile (default: ${DEFAULT-VALUE})")
  int bins;

  @Override
  public Integer call() {
    if (bins < 2 || bins > 1000) {
      throw new UserError("--bins must be between 2 and 1000, not " + bins, 2);
    }
    if (threshold != null && !Double.isFinite(threshold)) {
      throw new UserError("--threshold must be a finite number", 2);
    }
    if (scoreColumn.isEmpty()) {
      throw new UserError("--score-column must not be empty", 2);
    }
    ProfileOptions options =
        ProfileOptions.DEFAULTS
            .withScoreColumn(scoreColumn)
            .withPsiBins(bins)
            .withThreshold(
                threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold));
    Path outDir = out.toAbsolutePath().getParent();
    if (outDir == null || !Files.isDirectory(outDir)) {
      throw new UserError("cannot write " + out + ": no such directory " + outDir, 2);
    }
    ProgressBar bar = ProgressBar.forFile(input, System.err);
    ReferenceLoader.Result result;
    try {
      result = ReferenceLoader.read(input, options, Optional.ofNullable(model), bar);
    } catch (ReferenceException e) {
      throw new UserError(e.getMessage(), 2);
    } finally {
      bar.done();
    }
    for (String column : result.ignoredColumns()) {
      System.err.println(
          "mlmon: warning: column \"" + column + "\" ignored (more than 500 features)");
    }
    try {
      ProfileWriter.write(result.profile(), Optional.ofNullable(model).or(result::model), out);
    } catch (IOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage(), 2);
    }
    System.out.println(summary(result));
    return 0;
  }

  private String summary(ReferenceLoader.Result result) {
    long numeric = 0;
    long categorical = 0;
    for (ReferenceFeature f : result.profile().features()) {
      if (f.type() == FeatureType.NUMERIC) {
        numeric++;
      } else {
        categorical++;
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(out)
        .append(": ")
        .append(result.profile().rows())
        .append(" rows, ")
        .append(numeric)
        .append(" numeric and ")
        .append(categorical)
        .append(" categorical features");
    if (result.profile().score().isPresent()) {
      s.append(", scores in \"").append(scoreColumn).append('"');
      result.profile().flagRatio().ifPresent(r -> s.append(" (flag ratio ").append(r).append(')'));
    } else {
      s.append(", no \"").append(scoreColumn).append("\" scores");
    }
    return s.toString();
  }

  /** A one-line progress bar on a terminal's stderr, for large inputs; silent otherwise. */
  static final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final long size;
    private long lastNanos;
    private boolean shown;

    /** A bar drawn on {@code err} (null: silent) for a file of {@code size} bytes. */
    ProgressBar(PrintStream err, long size) {
      this.err = err;
      this.size = size;
    }

    static ProgressBar forFile(Path file, PrintStream err) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        size = 0;
      }
      boolean terminal = System.console() != null;
      return new ProgressBar(terminal && size >= PROGRESS_MIN_BYTES ? err : null, size);
    }

    @Override
    public void progress(long bytesRead, long rows) {
      if (err == null) {
        return;
      }
      long now = System.nanoTime();
      if (shown && now - lastNanos < 100_000_000L) {
        return;
      }
      lastNanos = now;
      shown = true;
      int filled = (int) Math.min(WIDTH, WIDTH * bytesRead / Math.max(1, size));
      err.printf(
          Locale.ROOT,
          "\rmlmon profile: [%s%s] %3d%% %,d rows",
          "#".repeat(filled),
          ".".repeat(WIDTH - filled),
          Math.min(100, 100 * bytesRead / Math.max(1, size)),
          rows);
      err.flush();
    }

    void done() {
      if (shown) {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
      }
    }
  }
}
