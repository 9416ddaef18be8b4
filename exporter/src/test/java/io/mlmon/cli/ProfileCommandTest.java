package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.reference.ReferenceLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run mlmon(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Run(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void profile_writes_a_profile_from_csv_that_loads_as_the_same_reference() throws Exception {
    Path csv = dir.resolve("train.csv");
    StringBuilder rows = new StringBuilder("amount,merchant,label_score\n");
    for (int i = 0; i < 300; i++) {
      rows.append(i * 1.5).append(',').append(i % 3 == 0 ? "online" : "pos").append(',');
      rows.append((i % 10) / 10.0).append('\n');
    }
    Files.writeString(csv, rows);
    Path out = dir.resolve("fraud-profile.json");
    Run run =
        mlmon(
            "profile",
            "--input",
            csv.toString(),
            "--out",
            out.toString(),
            "--model",
            "fraud",
            "--threshold",
            "0.7",
            "--score-column",
            "label_score",
            "--bins",
            "5");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            out
                + ": 300 rows, 1 numeric and 1 categorical features, scores in \"label_score\""
                + " (flag ratio 0.3)\n");
    assertThat(Files.readString(out)).contains("\"model\" : \"fraud\"", "\"psi_bins\" : 5");

    ProfileOptions options = ProfileOptions.DEFAULTS.withScoreColumn("label_score").withPsiBins(5);
    ReferenceProfile fromProfile = ReferenceLoader.load(out, options);
    ReferenceProfile fromCsv =
        ReferenceLoader.load(csv, options.withThreshold(java.util.OptionalDouble.of(0.7)));
    assertThat(fromProfile.data()).isEqualTo(fromCsv.data());
    assertThat(fromProfile.feature(0).binCount()).isEqualTo(5);
    assertThat(fromProfile.flagRatio()).as("the threshold stored in the profile").hasValue(0.3);
  }

  @Test
  void profile_reads_json_lines_of_log_events() throws Exception {
    Path jsonl = dir.resolve("predictions.jsonl");
    Files.writeString(
        jsonl,
        "{\"model\":\"fraud\",\"features\":{\"amount\":10,\"hour\":3},\"score\":0.9}\n"
            + "{\"model\":\"fraud\",\"features\":{\"amount\":20,\"hour\":\"night\"},\"score\":0.1}\n");
    Path out = dir.resolve("p.json");
    Run run = mlmon("profile", "--input", jsonl.toString(), "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    ReferenceProfile p = ReferenceLoader.load(out, ProfileOptions.DEFAULTS);
    assertThat(p.feature(p.indexOf("hour")).type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(p.score()).isPresent();
    assertThat(p.flagRatio()).isEmpty();
  }

  @Test
  void bad_input_exits_2_with_one_line() throws Exception {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, "a,b\n1,2\n3,4,5\n");
    Path out = dir.resolve("never.json");
    Run run = mlmon("profile", "--input", csv.toString(), "--out", out.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mlmon: " + csv + ":3: 3 fields, the header has 2\n");
    assertThat(out).doesNotExist();

    Run missing =
        mlmon("profile", "--input", dir.resolve("nope.csv").toString(), "--out", out.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err().lines()).hasSize(1);

    Run bins = mlmon("profile", "--input", csv.toString(), "--out", out.toString(), "--bins", "1");
    assertThat(bins.status()).isEqualTo(2);
    assertThat(bins.err()).isEqualTo("mlmon: --bins must be between 2 and 1000, not 1\n");

    Run nowhere =
        mlmon(
            "profile",
            "--input",
            csv.toString(),
            "--out",
            dir.resolve("no/such/p.json").toString());
    assertThat(nowhere.status()).isEqualTo(2);
    assertThat(nowhere.err()).startsWith("mlmon: cannot write ").doesNotContain("\tat ");
  }

  @Test
  void the_progress_bar_shows_the_share_of_bytes_read_and_clears_itself() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    ProfileCommand.ProgressBar bar = new ProfileCommand.ProgressBar(stream, 1000);
    bar.progress(500, 12_345);
    bar.progress(600, 13_000);
    bar.done();
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\rmlmon profile: [" + "#".repeat(15) + ".".repeat(15) + "]  50% 12,345 rows")
        .as("updates at most ten times a second")
        .doesNotContain("60%")
        .endsWith("\r")
        .doesNotContain("\n");
    // Not a terminal, or a small input: no bar, and no failure either.
    ProfileCommand.ProgressBar silent = new ProfileCommand.ProgressBar(null, 1000);
    silent.progress(500, 1);
    silent.done();
  }
}
