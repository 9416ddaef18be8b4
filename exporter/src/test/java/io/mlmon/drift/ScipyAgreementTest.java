package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method against the values NumPy/SciPy computed for fixed data sets
 * (src/test/resources/drift/make_expected.py): equal to 1e-9 relative, KS p-values within 0.01, bin
 * edges exactly.
 */
class ScipyAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double RELATIVE = 1e-9;

  static Stream<String> dataSets() throws IOException {
    List<String> names = new ArrayList<>();
    read("index.json").forEach(n -> names.add(n.asText()));
    assertThat(names).hasSizeGreaterThanOrEqualTo(20);
    return names.stream();
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = ScipyAgreementTest.class.getResourceAsStream("/drift/" + file)) {
      assertThat(in).as(file).isNotNull();
      return JSON.readTree(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void every_method_agrees_with_scipy(String name) throws IOException {
    JsonNode set = read(name + ".json");
    JsonNode expected = set.get("expected");
    boolean numeric = set.get("type").asText().equals("numeric");
    ProfileOptions options =
        numeric
            ? ProfileOptions.DEFAULTS.withPsiBins(set.get("bins").asInt())
            : ProfileOptions.DEFAULTS.withMaxCategories(set.get("max_categories").asInt());
    ReferenceProfileBuilder builder = new ReferenceProfileBuilder(options);
    for (JsonNode v : set.get("reference")) {
      builder.addValueRow(Map.of("x", numeric ? (Object) v.asDouble() : v.asText()));
    }
    ReferenceProfile profile = builder.build();
    ReferenceFeature feature = profile.feature(0);
    assertThat(feature.type()).isEqualTo(numeric ? FeatureType.NUMERIC : FeatureType.CATEGORICAL);

    DriftWindow window = new DriftWindow(profile, 100_000);
    for (JsonNode v : set.get("current")) {
      window.beginRow(0);
      if (numeric) {
        window.setNumeric(0, v.asDouble());
      } else {
        window.setCategory(0, feature.binOf(v.asText()));
      }
    }
    ModelDrift report =
        DriftEvaluator.evaluate(
            profile, window.snapshot(), new DriftSettings(1, DriftRule.auto(), 0.5), 0);
    FeatureDrift drift = report.feature("x").orElseThrow();

    if (numeric) {
      assertThat(feature.edges()).as("edges").containsExactly(doubles(expected.get("edges")));
      assertThat(feature.distinctValues()).isEqualTo(expected.get("distinct").asInt());
      assertClose(feature.std(), expected.get("std"), "std");
      double[] r = doubles(set.get("reference"));
      assertThat(feature.isOutOfRange(expected.get("min").asDouble())).isFalse();
      assertThat(feature.isOutOfRange(Math.nextDown(expected.get("min").asDouble()))).isTrue();
      assertThat(feature.isOutOfRange(Math.nextUp(expected.get("max").asDouble()))).isTrue();
      assertThat(r).isNotEmpty();
    } else {
      List<String> labels = new ArrayList<>();
      expected.get("labels").forEach(l -> labels.add(l.asText()));
      assertThat(feature.binLabels()).containsExactlyElementsOf(labels);
      for (JsonNode v : set.get("current")) {
        boolean unseen = contains(expected.get("unseen"), v.asText());
        assertThat(feature.isUnseenCategory(v.asText())).as(v.asText()).isEqualTo(unseen);
      }
    }
    assertThat(feature.referenceCounts()).containsExactly(longs(expected.get("reference_counts")));
    assertThat(window.snapshot().values(0)).isEqualTo(set.get("current").size());
    long[] current = longs(expected.get("current_counts"));
    double[] q = doubles(expected.get("reference_ratios"));
    double[] p = doubles(expected.get("current_ratios"));
    for (int i = 0; i < drift.bins().size(); i++) {
      assertClose(drift.bins().get(i).reference(), q[i], "q" + i);
      assertClose(drift.bins().get(i).current(), p[i], "p" + i);
    }
    assertThat(drift.bins()).hasSize(current.length);

    assertClose(drift.score(DriftMethod.PSI), expected.get("psi"), "psi");
    assertClose(drift.score(DriftMethod.JENSEN_SHANNON), expected.get("jensen_shannon"), "js");
    assertClose(drift.score(DriftMethod.CHI2), expected.get("chi2"), "chi2");
    assertClose(drift.pValue(DriftMethod.CHI2), expected.get("chi2_p_value"), "chi2 p");
    // The public methods give the same values as the evaluator.
    assertClose(DriftMethods.psi(p, q), expected.get("psi"), "psi direct");
    assertClose(DriftMethods.jensenShannon(p, q), expected.get("jensen_shannon"), "js direct");
    TestResult chi2 = DriftMethods.chi2(current, q);
    assertClose(chi2.statistic(), expected.get("chi2"), "chi2 direct");
    assertClose(chi2.pValue(), expected.get("chi2_p_value"), "chi2 p direct");

    if (numeric) {
      double[] r = sorted(doubles(set.get("reference")));
      double[] c = sorted(doubles(set.get("current")));
      assertClose(drift.score(DriftMethod.KS), expected.get("ks"), "ks");
      assertThat(drift.pValue(DriftMethod.KS))
          .as("ks p-value")
          .isCloseTo(expected.get("ks_p_value").asDouble(), within(0.01));
      TestResult ks = DriftMethods.ks(r, c);
      assertClose(ks.statistic(), expected.get("ks"), "ks direct");
      if ((long) r.length * c.length >= DriftMethods.KS_EXACT_LIMIT) {
        // The asymptotic branch is SciPy's own asymptotic formula: much closer than 0.01.
        assertThat(ks.pValue())
            .as("asymptotic ks p-value")
            .isCloseTo(expected.get("ks_p_value_asymptotic").asDouble(), within(1e-6));
      } else {
        assertThat(ks.pValue())
            .as("exact ks p-value")
            .isCloseTo(expected.get("ks_p_value").asDouble(), within(1e-9));
      }
      assertClose(drift.score(DriftMethod.WASSERSTEIN), expected.get("wasserstein"), "w");
      assertClose(DriftMethods.wasserstein(r, c), expected.get("wasserstein"), "w direct");
    } else {
      assertThat(drift.scores()).doesNotContainKeys(DriftMethod.KS, DriftMethod.WASSERSTEIN);
    }
    TestResult homogeneity = DriftMethods.chi2Homogeneity(feature.referenceCounts(), current);
    assertClose(homogeneity.statistic(), expected.get("chi2_homogeneity"), "homogeneity");
    assertClose(homogeneity.pValue(), expected.get("chi2_homogeneity_p_value"), "homogeneity p");
    switch (drift.decidedBy()) {
      case CHI2 ->
          assertClose(
              drift.decisionValue(), expected.get("chi2_homogeneity_p_value"), "decision value");
      case KS -> assertThat(drift.decisionValue()).isEqualTo(drift.pValue(DriftMethod.KS));
      default -> assertThat(drift.decisionValue()).isEqualTo(drift.score(drift.decidedBy()));
    }
    assertThat(drift.decidedBy().label()).isEqualTo(expected.get("auto_method").asText());
    assertThat(drift.driftDetected()).isEqualTo(expected.get("auto_drift").asBoolean());
  }

  private static void assertClose(double actual, JsonNode expected, String what) {
    assertClose(actual, expected.asDouble(), what);
  }

  private static void assertClose(double actual, double expected, String what) {
    double tolerance = RELATIVE * Math.abs(expected);
    if (expected == 0) {
      tolerance = 1e-300;
    }
    assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode n : array) {
      if (n.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  private static double[] sorted(double[] values) {
    double[] out = values.clone();
    java.util.Arrays.sort(out);
    return out;
  }
}
