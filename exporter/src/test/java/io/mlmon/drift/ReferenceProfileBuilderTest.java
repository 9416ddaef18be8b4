package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceProfileBuilderTest {
  private static Map<String, String> row(String... keyValues) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put(keyValues[i], keyValues[i + 1]);
    }
    return row;
  }

  @Test
  void a_column_is_numeric_when_every_value_is_a_number_and_missing_values_are_left_out() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (String v : new String[] {"1", "2.5", "", "NaN", " 4 ", "inf", "1e1"}) {
      b.addTextRow(row("amount", v));
    }
    ReferenceProfile p = b.build();
    ReferenceFeature f = p.feature(p.indexOf("amount"));
    assertThat(f.type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(f.count()).isEqualTo(4);
    assertThat(((NumericData) f.data()).sample()).containsExactly(1, 2.5, 4, 10);
    assertThat(p.rows()).isEqualTo(7);
  }

  @Test
  void one_text_value_makes_a_column_categorical_with_numbers_as_their_canonical_text() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (String v : new String[] {"3", "3.0", "abc", "TRUE", "", "7"}) {
      b.addTextRow(row("code", v));
    }
    ReferenceFeature f = b.build().feature(0);
    assertThat(f.type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(((CategoricalData) f.data()).counts())
        .containsExactly(
            Map.entry("3", 2L), Map.entry("7", 1L), Map.entry("abc", 1L), Map.entry("true", 1L));
    assertThat(f.binLabels()).containsExactly("3", "7", "abc", "true", Categories.OTHER);
    assertThat(f.binOf(3.0)).isZero();
    assertThat(f.binOf("never")).isEqualTo(4);
    assertThat(f.isUnseenCategory("never")).isTrue();
    assertThat(f.isUnseenCategory("abc")).isFalse();
  }

  @Test
  void json_strings_are_text_and_json_numbers_canonical_numbers() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    Map<String, Object> r1 = new HashMap<>();
    r1.put("zip", "02134");
    r1.put("n", 1.0);
    r1.put("flag", true);
    Map<String, Object> r2 = new HashMap<>();
    r2.put("zip", 2134.0);
    r2.put("n", null);
    r2.put("flag", "");
    b.addValueRow(r1);
    b.addValueRow(r2);
    ReferenceProfile p = b.build();
    assertThat(((CategoricalData) p.feature(p.indexOf("zip")).data()).counts())
        .containsOnlyKeys("02134", "2134");
    assertThat(p.feature(p.indexOf("n")).type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(p.feature(p.indexOf("flag")).count()).isEqualTo(1);
    assertThat(p.feature(p.indexOf("flag")).binLabels()).containsExactly("true", "__other__");
  }

  @Test
  void config_types_override_inference() {
    ProfileOptions options =
        ProfileOptions.DEFAULTS.withFeatureTypes(
            Map.of("hour", FeatureType.CATEGORICAL, "amount", FeatureType.NUMERIC));
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(options);
    b.addTextRow(row("hour", "3", "amount", "12.5"));
    b.addTextRow(row("hour", "3.0", "amount", "n/a"));
    b.addTextRow(row("hour", "17", "amount", "7"));
    ReferenceProfile p = b.build();
    assertThat(p.feature(0).type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(p.feature(0).binLabels()).containsExactly("3", "17", "__other__");
    assertThat(p.feature(1).type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(p.feature(1).count()).isEqualTo(2);
    assertThat(b.invalidValues()).containsExactly(Map.entry("amount", 1L));
  }

  @Test
  void the_most_frequent_categories_are_kept_ties_by_name_and_other_is_never_a_kept_category() {
    ReferenceProfileBuilder b =
        new ReferenceProfileBuilder(ProfileOptions.DEFAULTS.withMaxCategories(2));
    String[] values = {"b", "a", "__other__", "__other__", "__other__", "c", "c", "a", "b", "d"};
    for (String v : values) {
      b.addTextRow(row("m", v));
    }
    ReferenceFeature f = b.build().feature(0);
    assertThat(f.binLabels()).containsExactly("a", "b", "__other__");
    assertThat(f.referenceRatios()).containsExactly(0.2, 0.2, 0.6);
    assertThat(f.binOf("c")).isEqualTo(2);
    assertThat(f.isUnseenCategory("c")).as("seen, only not kept").isFalse();
  }

  @Test
  void features_keep_the_order_first_seen_up_to_max_features() {
    ReferenceProfileBuilder b =
        new ReferenceProfileBuilder(ProfileOptions.DEFAULTS.withMaxFeatures(2));
    b.addTextRow(row("z", "1", "score", "0.5", "a", "2", "m", "3"));
    ReferenceProfile p = b.build();
    assertThat(p.features()).extracting(ReferenceFeature::name).containsExactly("z", "a");
    assertThat(b.ignoredColumns()).containsExactly("m");
    assertThat(p.indexOf("score")).as("the score column is no feature").isEqualTo(-1);
  }

  @Test
  void a_column_without_any_value_is_no_feature() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    b.addTextRow(row("empty", "", "x", "1"));
    b.addTextRow(row("empty", "NaN", "x", "2"));
    ReferenceProfile p = b.build();
    assertThat(p.indexOf("empty")).isEqualTo(-1);
    assertThat(p.featureCount()).isEqualTo(1);
  }

  @Test
  void the_score_gives_the_flag_ratio_when_there_is_a_threshold() {
    ProfileOptions options = ProfileOptions.DEFAULTS.withThreshold(OptionalDouble.of(0.5));
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(options);
    for (String s : new String[] {"0.1", "0.5", "0.9", "0.2", ""}) {
      b.addTextRow(row("x", "1", "score", s));
    }
    ReferenceProfile p = b.build();
    assertThat(p.score()).isPresent();
    assertThat(p.score().get().count()).isEqualTo(4);
    assertThat(p.flagRatio()).hasValue(0.5);
    // Another threshold later: from the (complete) score sample.
    ReferenceProfile other =
        ReferenceProfile.of(
            p.data(), ProfileOptions.DEFAULTS.withThreshold(OptionalDouble.of(0.15)));
    assertThat(other.flagRatio()).hasValue(0.75);
    ReferenceProfile none = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS).build();
    assertThat(none.flagRatio()).isEmpty();
    assertThat(none.score()).isEmpty();
  }

  @Test
  void a_score_that_is_no_number_is_an_error() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    assertThatThrownBy(() -> b.addTextRow(row("score", "high")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score column \"score\": \"high\" is not a number");
  }

  @Test
  void more_than_100000_values_are_sampled_reproducibly() {
    ReferenceProfileBuilder a = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    Random random = new Random(1);
    double sum = 0;
    int n = 250_000;
    for (int i = 0; i < n; i++) {
      double v = random.nextDouble() * 100;
      sum += v;
      a.addValueRow(Map.of("u", v));
      b.addValueRow(Map.of("u", v));
    }
    NumericData data = (NumericData) a.build().feature(0).data();
    assertThat(data.sampled()).isTrue();
    assertThat(data.sampleSize()).isEqualTo(NumericData.SAMPLE_LIMIT);
    assertThat(data.count()).isEqualTo(n);
    assertThat(data).isEqualTo(b.build().feature(0).data());
    double sampleMean = 0;
    for (double v : data.sample()) {
      sampleMean += v / data.sampleSize();
    }
    assertThat(sampleMean).as("a uniform sample").isCloseTo(sum / n, within(0.3));
    assertThat(data.min()).isLessThanOrEqualTo(data.sample()[0]);
  }

  @Test
  void text_after_100000_numbers_asks_for_a_second_read() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i <= NumericData.SAMPLE_LIMIT; i++) {
      b.addTextRow(row("id", Integer.toString(i % 7)));
    }
    b.addTextRow(row("id", "unknown"));
    assertThat(b.lateCategoricalColumns()).containsExactly("id");
    assertThatThrownBy(b::data).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void text_after_fewer_numbers_turns_the_column_categorical_exactly() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < 1000; i++) {
      b.addTextRow(row("id", Integer.toString(i % 3)));
    }
    b.addTextRow(row("id", "unknown"));
    assertThat(b.lateCategoricalColumns()).isEmpty();
    CategoricalData data = (CategoricalData) b.build().feature(0).data();
    assertThat(data.counts())
        .containsExactly(
            Map.entry("0", 334L),
            Map.entry("1", 333L),
            Map.entry("2", 333L),
            Map.entry("unknown", 1L));
  }

  @Test
  void a_profile_derived_again_with_other_settings_equals_one_built_with_them() {
    Random random = new Random(5);
    ProfileOptions five = ProfileOptions.DEFAULTS.withPsiBins(5).withMaxCategories(2);
    ProfileOptions asCategorical =
        ProfileOptions.DEFAULTS.withFeatureTypes(Map.of("n", FeatureType.CATEGORICAL));
    ReferenceProfileBuilder defaults = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    ReferenceProfileBuilder withFive = new ReferenceProfileBuilder(five);
    ReferenceProfileBuilder categorical = new ReferenceProfileBuilder(asCategorical);
    for (int i = 0; i < 2000; i++) {
      Map<String, String> r =
          row("n", Integer.toString(random.nextInt(20)), "c", "k" + random.nextInt(6));
      defaults.addTextRow(r);
      withFive.addTextRow(r);
      categorical.addTextRow(r);
    }
    ReferenceData data = defaults.data();
    assertThat(ReferenceProfile.of(data, five).features())
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(withFive.build().features());
    assertThat(ReferenceProfile.of(data, asCategorical).feature(0).data())
        .isEqualTo(categorical.build().feature(0).data());
    ProfileOptions asNumeric =
        ProfileOptions.DEFAULTS.withFeatureTypes(Map.of("n", FeatureType.NUMERIC));
    assertThat(ReferenceProfile.of(categorical.data(), asNumeric).feature(0).data())
        .as("and back")
        .isEqualTo(data.features().get(0));
  }

  @Test
  void cells_fed_as_chars_give_the_profile_rows_of_strings_give() {
    Random random = new Random(11);
    String[] cells = {
      "1",
      "-0",
      "0.25",
      "12.5000",
      "-3.",
      ".5",
      "1e3",
      " 4 ",
      "",
      "NaN",
      "inf",
      "1234567890123456",
      "true",
      "FALSE",
      "DE",
      "web",
      "n/a"
    };
    List<String> names = List.of("mixed", "numbers", "score", "text");
    ProfileOptions options = ProfileOptions.DEFAULTS.withThreshold(OptionalDouble.of(0.5));
    ReferenceProfileBuilder strings = new ReferenceProfileBuilder(options);
    ReferenceProfileBuilder chars = new ReferenceProfileBuilder(options);
    for (int i = 0; i < 3000; i++) {
      List<String> values =
          List.of(
              cells[random.nextInt(cells.length)],
              cells[random.nextInt(8)],
              Double.toString(random.nextInt(1000) / 1000.0),
              cells[8 + random.nextInt(cells.length - 8)]);
      strings.addTextRow(names, values);
      chars.beginTextRow(names);
      for (int k = 0; k < values.size(); k++) {
        char[] line = ("ab," + values.get(k) + ",cd").toCharArray();
        chars.textCell(k, line, 3, 3 + values.get(k).length());
      }
      chars.endTextRow();
    }
    assertThat(chars.data()).isEqualTo(strings.data());
    assertThat(chars.data().features().get(1)).isInstanceOf(NumericData.class);
  }

  @Test
  void a_score_cell_that_is_no_number_is_refused_from_chars_too() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    b.beginTextRow(List.of("x", "score"));
    b.textCell(0, "7".toCharArray(), 0, 1);
    assertThatThrownBy(() -> b.textCell(1, "high".toCharArray(), 0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score column \"score\": \"high\" is not a number");
  }
}
