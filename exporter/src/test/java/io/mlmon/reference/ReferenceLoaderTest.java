package io.mlmon.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmon.drift.CategoricalData;
import io.mlmon.drift.DriftEvaluator;
import io.mlmon.drift.DriftRule;
import io.mlmon.drift.DriftSettings;
import io.mlmon.drift.DriftWindow;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ModelDrift;
import io.mlmon.drift.NumericData;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceLoaderTest {
  @TempDir Path dir;

  private static final String[] MERCHANTS = {"online", "pos", "atm", "travel", "gaming", "fuel"};

  /** Training rows: many-valued, few-valued, integer and categorical features and a score. */
  private Path trainingCsv(int rows, long seed) throws IOException {
    Path csv = dir.resolve("train-" + rows + ".csv");
    Random random = new Random(seed);
    try (Writer w = Files.newBufferedWriter(csv)) {
      w.write("amount,hour,channel,merchant,note,score\n");
      for (int i = 0; i < rows; i++) {
        double amount = Math.exp(3 + 1.2 * random.nextGaussian());
        String hour = i % 50 == 0 ? "" : Integer.toString(random.nextInt(24));
        int channel = random.nextInt(3);
        String merchant = MERCHANTS[Math.min(5, (int) (-Math.log(random.nextDouble()) * 1.5))];
        w.write(
            amount
                + ","
                + hour
                + ","
                + channel
                + ",\""
                + merchant
                + "\",\"a, \"\"b\"\"\","
                + random.nextDouble()
                + "\n");
      }
    }
    return csv;
  }

  private static DriftWindow window(ReferenceProfile p, long seed) {
    Random random = new Random(seed);
    DriftWindow w = new DriftWindow(p, 5000);
    for (int i = 0; i < 3000; i++) {
      w.beginRow(i);
      w.setNumeric(p.indexOf("amount"), Math.exp(3.3 + 1.2 * random.nextGaussian()));
      w.setNumeric(p.indexOf("hour"), random.nextInt(24));
      w.setNumeric(p.indexOf("channel"), random.nextInt(3));
      ReferenceFeature merchant = p.feature(p.indexOf("merchant"));
      w.setCategory(p.indexOf("merchant"), merchant.binOf(MERCHANTS[random.nextInt(6)]));
      w.setCategory(p.indexOf("note"), p.feature(p.indexOf("note")).binOf("a, \"b\""));
      w.setScore(random.nextDouble() * 0.9);
    }
    return w;
  }

  private static final DriftSettings SETTINGS = new DriftSettings(100, DriftRule.auto(), 0.5);

  @Test
  void a_profile_and_the_csv_it_came_from_give_the_same_drift_report() throws Exception {
    for (int rows : new int[] {800, 120_000}) {
      Path csv = trainingCsv(rows, rows);
      ProfileOptions options = ProfileOptions.DEFAULTS.withThreshold(OptionalDouble.of(0.8));
      ReferenceProfile fromRows = ReferenceLoader.load(csv, options);
      Path profile = dir.resolve("profile-" + rows + ".json");
      ProfileWriter.write(fromRows, Optional.of("fraud"), profile);
      ReferenceLoader.Result loaded =
          ReferenceLoader.read(profile, options, Optional.empty(), ProgressListener.NONE);
      assertThat(loaded.format()).isEqualTo(ReferenceLoader.Format.PROFILE);
      assertThat(loaded.model()).hasValue("fraud");
      ReferenceProfile fromProfile = loaded.profile();

      assertThat(fromProfile.data()).isEqualTo(fromRows.data());
      assertThat(fromProfile.flagRatio()).isEqualTo(fromRows.flagRatio()).isPresent();
      ModelDrift a = DriftEvaluator.evaluate(fromRows, window(fromRows, 9).snapshot(), SETTINGS, 7);
      ModelDrift b =
          DriftEvaluator.evaluate(fromProfile, window(fromProfile, 9).snapshot(), SETTINGS, 7);
      assertThat(a.features()).hasSize(5);
      assertThat(a.predictionDrift()).isPresent();
      assertThat(b).isEqualTo(a);
      assertThat(b.features()).isEqualTo(a.features());
      if (rows > NumericData.SAMPLE_LIMIT) {
        NumericData amount = (NumericData) fromProfile.feature(0).data();
        assertThat(amount.sampled()).isTrue();
        assertThat(amount.count()).isEqualTo(rows);
      }
    }
  }

  @Test
  void the_format_is_chosen_by_extension_and_else_by_content() throws Exception {
    Path csv = trainingCsv(50, 1);
    ReferenceProfile p = ReferenceLoader.load(csv, ProfileOptions.DEFAULTS);
    Path profileJson = dir.resolve("ref.json");
    ProfileWriter.write(p, Optional.empty(), profileJson);
    Path rowsJson = dir.resolve("rows.json");
    Files.writeString(rowsJson, "{\"a\": 1}\n{\"a\": 2}\n");
    Path noExtension = dir.resolve("train");
    Files.copy(csv, noExtension);
    assertThat(ReferenceLoader.detect(csv)).isEqualTo(ReferenceLoader.Format.CSV);
    assertThat(ReferenceLoader.detect(profileJson)).isEqualTo(ReferenceLoader.Format.PROFILE);
    assertThat(ReferenceLoader.detect(rowsJson)).isEqualTo(ReferenceLoader.Format.JSON_LINES);
    assertThat(ReferenceLoader.detect(noExtension)).isEqualTo(ReferenceLoader.Format.CSV);
    assertThat(ReferenceLoader.load(noExtension, ProfileOptions.DEFAULTS).data())
        .isEqualTo(p.data());
  }

  @Test
  void json_lines_rows_may_be_flat_or_shaped_like_log_events() throws Exception {
    Path jsonl = dir.resolve("events.jsonl");
    Files.writeString(
        jsonl,
        String.join(
            "\n",
            "{\"ts\":\"2026-11-26T07:42:56Z\",\"model\":\"fraud\",\"features\":{\"amount\":12.5,"
                + "\"merchant\":\"online\",\"new\":true},\"score\":0.9,\"latency_ms\":3}",
            "{\"type\":\"label\",\"model\":\"fraud\",\"id\":\"x\",\"label\":true}",
            "",
            "{\"model\":\"churn\",\"features\":{\"amount\":99999},\"score\":0.1}",
            "{\"model\":\"fraud\",\"features\":{\"amount\":NaN,\"merchant\":null},\"score\":0.2}",
            "{\"amount\":7,\"merchant\":\"pos\",\"score\":0.4}"));
    ReferenceLoader.Result r =
        ReferenceLoader.read(
            jsonl, ProfileOptions.DEFAULTS, Optional.of("fraud"), ProgressListener.NONE);
    ReferenceProfile p = r.profile();
    assertThat(r.format()).isEqualTo(ReferenceLoader.Format.JSON_LINES);
    assertThat(p.rows()).isEqualTo(3);
    assertThat(((NumericData) p.feature(p.indexOf("amount")).data()).sample())
        .containsExactly(7, 12.5);
    assertThat(((CategoricalData) p.feature(p.indexOf("merchant")).data()).counts())
        .containsOnlyKeys("online", "pos");
    assertThat(p.feature(p.indexOf("new")).type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(p.score().orElseThrow().count()).isEqualTo(3);

    assertThatThrownBy(() -> ReferenceLoader.load(jsonl, ProfileOptions.DEFAULTS))
        .isInstanceOf(ReferenceException.class)
        .hasMessage(
            jsonl + ":4: events of two models (\"fraud\", \"churn\"): choose one with --model");
  }

  @Test
  void numbers_then_text_after_the_sample_limit_are_read_again_as_categories() throws Exception {
    Path csv = dir.resolve("late.csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      w.write("code\n");
      for (int i = 0; i <= NumericData.SAMPLE_LIMIT; i++) {
        w.write((i % 4) + "\n");
      }
      w.write("unknown\n");
    }
    ReferenceFeature code = ReferenceLoader.load(csv, ProfileOptions.DEFAULTS).feature(0);
    assertThat(code.type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(((CategoricalData) code.data()).counts())
        .containsEntry("0", 25_001L)
        .containsEntry("unknown", 1L)
        .hasSize(5);
  }

  @Test
  void doubles_survive_the_profile_file_to_the_last_bit() throws Exception {
    Random random = new Random(42);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (i % 5) {
            case 0 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            case 1 -> random.nextGaussian() * 1e-310;
            case 2 -> i == 2 ? -0.0 : random.nextInt(5);
            case 3 -> 0.1 * random.nextInt(100);
            default -> -random.nextDouble() * 1e20;
          };
    }
    io.mlmon.drift.ReferenceProfileBuilder b =
        new io.mlmon.drift.ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (double v : values) {
      b.addValueRow(Map.of("v", v, "score", v));
    }
    ReferenceProfile p = b.build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProfileWriter.write(p, Optional.empty(), out);
    Path file = dir.resolve("bits.json");
    Files.write(file, out.toByteArray());
    ReferenceProfile back = ReferenceLoader.load(file, ProfileOptions.DEFAULTS);
    assertThat(back.data()).isEqualTo(p.data());
    assertThat(back.feature(0).edges()).containsExactly(p.feature(0).edges());
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\n  \"format\" : \"mlmon-profile\",\n  \"version\" : 1,");
  }

  @Test
  void broken_input_is_one_line_naming_file_and_line() throws Exception {
    assertProblem("a,b\n1,2\n3\n", "x.csv", ":3: 1 fields, the header has 2");
    assertProblem("a,b\n1,\"2\n", "x.csv", ":2: a quoted field is never closed");
    assertProblem("a,,b\n1,2,3\n", "x.csv", ":1: column 2 of the header has no name");
    assertProblem("a,a\n1,2\n", "x.csv", ":1: column \"a\" appears twice in the header");
    assertProblem("", "x.csv", ": empty file (a CSV reference needs a header row)");
    assertProblem(
        "a,score\n1,high\n", "x.csv", ":2: score column \"score\": \"high\" is not a number");
    assertProblem("a\n", "x.csv", ": no data rows");
    assertProblem("{\"a\":1}\n{\"a\":\n", "x.jsonl", ":2: invalid JSON");
    assertProblem("{\"a\":1}\n[1]\n", "x.jsonl", ":2: not a JSON object");
    assertProblem("{\"a\":{\"b\":1}}\n", "x.jsonl", ":1: column \"a\" holds an object or an array");
    assertProblem("{\"a\":1,\"a\":2}\n", "x.jsonl", ":1: invalid JSON: Duplicate field 'a'");
    assertProblem(
        "{\"format\":\"mlmon-profile\",\"version\":2}",
        "p.json",
        ":1: profile version 2 is not supported (this mlmon reads version 1)");
    assertProblem(
        "{\"format\":\"mlmon-profile\",\"version\":1,\"rows\":1,\"score_column\":\"s\",\n"
            + "\"features\":[\n{\"name\":\"x\",\"type\":\"numeric\",\"count\":2,\"min\":0,\"max\":1,"
            + "\"sample\":{\"values\":[0.5]}}]}",
        "p.json",
        ":3: feature \"x\": 1 sample values for a count of 2");
    Path binary = dir.resolve("bad.csv");
    Files.write(binary, new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> ReferenceLoader.load(binary, ProfileOptions.DEFAULTS))
        .hasMessage(binary + ": not UTF-8 text");
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> ReferenceLoader.load(missing, ProfileOptions.DEFAULTS))
        .isInstanceOf(ReferenceException.class)
        .hasMessage(missing + ": no such file");
  }

  private void assertProblem(String content, String name, String problem) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    assertThatThrownBy(() -> ReferenceLoader.load(file, ProfileOptions.DEFAULTS))
        .isInstanceOf(ReferenceException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith(file + problem).doesNotContain("\n"));
  }

  @Test
  void a_configured_type_the_profile_cannot_give_is_a_clear_error() throws Exception {
    Path csv = dir.resolve("big.csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      w.write("n\n");
      for (int i = 0; i < NumericData.SAMPLE_LIMIT + 10; i++) {
        w.write(i + "\n");
      }
    }
    Path profile = dir.resolve("big.json");
    ProfileWriter.write(
        ReferenceLoader.load(csv, ProfileOptions.DEFAULTS), Optional.empty(), profile);
    ProfileOptions categorical =
        ProfileOptions.DEFAULTS.withFeatureTypes(Map.of("n", FeatureType.CATEGORICAL));
    assertThatThrownBy(() -> ReferenceLoader.load(profile, categorical))
        .isInstanceOf(ReferenceException.class)
        .hasMessageStartingWith(profile + ": feature \"n\" is numeric in the profile");
    assertThat(ReferenceLoader.load(csv, categorical).feature(0).type())
        .isEqualTo(FeatureType.CATEGORICAL);
  }
}
