package io.mlmon.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlmon.drift.CategoricalData;
import io.mlmon.drift.FeatureData;
import io.mlmon.drift.NumericData;
import io.mlmon.drift.ReferenceData;
import io.mlmon.drift.ScoreData;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The profile file that {@code mlmon profile} writes: versioned JSON holding a reference's material
 * ({@link ReferenceData}) with every double in full precision, so that reading it back gives
 * exactly the data, and so exactly the bins and drift results of the rows it came from.
 *
 * <pre>{@code
 * {"format": "mlmon-profile", "version": 1, "model": "fraud", "rows": 50000,
 *  "score_column": "score", "threshold": 0.5, "psi_bins": 10, "max_categories_per_feature": 50,
 *  "flag_ratio": 0.031,
 *  "score": {"count": 50000, "min": 0.0, "max": 1.0, "flagged": 1550, "sample": {...}, "bins": {...}},
 *  "features": [
 *   {"name": "amount", "type": "numeric", "count": 50000, "min": 0.5, "max": 9120.0,
 *    "sample": {"values": [ascending distinct values], "counts": [how often each; absent: all 1]},
 *    "bins": {"edges": [...], "labels": ["00", ...], "reference_ratios": [...]}},
 *   {"name": "merchant", "type": "categorical", "count": 50000, "untracked": 0,
 *    "categories": {"online": 21000, ...}, "bins": {"labels": [...], "reference_ratios": [...]}}]}
 * }</pre>
 *
 * {@code bins}, {@code flag_ratio}, {@code psi_bins} and {@code max_categories_per_feature} are for
 * people reading the file: they show the bins with the settings used when it was written, and are
 * ignored when it is read, since bins are derived again with the settings in force.
 */
final class ProfileJson {
  static final String FORMAT = "mlmon-profile";
  static final int VERSION = 1;

  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private ProfileJson() {}

  // Writing: see ProfileWriter.

  /** What a profile file holds. */
  record Stored(ReferenceData data, Optional<String> model) {}

  /** True when the file's first JSON value is an object whose {@code format} is a profile's. */
  static boolean isProfile(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("format")) {
          return value == JsonToken.VALUE_STRING && FORMAT.equals(p.getText());
        }
        p.skipChildren();
      }
      return false;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * Reads a profile file.
   *
   * @throws RowException for anything but a valid version-1 profile, with the line and reason
   */
  static Stored read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RowException(line(p), "not a profile (no JSON object)");
      }
      Map<String, JsonNode> top = new LinkedHashMap<>();
      List<FeatureData> features = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("features")) {
          if (t != JsonToken.START_ARRAY) {
            throw new RowException(line(p), "\"features\" must be an array");
          }
          while (p.nextToken() == JsonToken.START_OBJECT) {
            long at = line(p);
            features.add(feature(MAPPER.readTree(p), at));
          }
        } else {
          top.put(name, MAPPER.readTree(p));
        }
      }
      String format = text(top.get("format"));
      if (!FORMAT.equals(format)) {
        throw new RowException(1, "not an mlmon profile (\"format\" is not " + FORMAT + ")");
      }
      JsonNode version = top.get("version");
      if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
        throw new RowException(
            1, "profile version " + version + " is not supported (this mlmon reads version 1)");
      }
      long rows = count(top.get("rows"), "rows", 1);
      String scoreColumn = text(top.get("score_column"));
      if (scoreColumn == null) {
        throw new RowException(1, "\"score_column\" is missing");
      }
      OptionalDouble threshold =
          top.get("threshold") == null
              ? OptionalDouble.empty()
              : OptionalDouble.of(number(top.get("threshold"), "threshold", 1));
      Optional<ScoreData> score = Optional.empty();
      if (top.get("score") != null) {
        JsonNode s = top.get("score");
        NumericData values = numeric(scoreColumn, s, 1);
        score =
            Optional.of(new ScoreData(values, threshold, count(s.get("flagged"), "flagged", 1)));
      }
      try {
        return new Stored(
            new ReferenceData(rows, scoreColumn, features, score),
            Optional.ofNullable(text(top.get("model"))));
      } catch (IllegalArgumentException e) {
        throw new RowException(1, e.getMessage());
      }
    }
  }

  private static FeatureData feature(JsonNode f, long line) {
    String name = text(f.get("name"));
    if (name == null) {
      throw new RowException(line, "a feature without a \"name\"");
    }
    String type = text(f.get("type"));
    try {
      if ("numeric".equals(type)) {
        return numeric(name, f, line);
      }
      if ("categorical".equals(type)) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode categories = f.get("categories");
        if (categories == null || !categories.isObject()) {
          throw new RowException(line, "feature \"" + name + "\": no \"categories\"");
        }
        for (Map.Entry<String, JsonNode> e : categories.properties()) {
          counts.put(e.getKey(), count(e.getValue(), e.getKey(), line));
        }
        CategoricalData c =
            CategoricalData.of(name, counts, count(f.get("untracked"), "untracked", line));
        checkCount(f, c.count(), name, line);
        return c;
      }
    } catch (IllegalArgumentException e) {
      throw new RowException(line, e.getMessage());
    }
    throw new RowException(line, "feature \"" + name + "\": type must be numeric or categorical");
  }

  private static NumericData numeric(String name, JsonNode f, long line) {
    JsonNode sample = f.get("sample");
    if (sample == null || !sample.isObject() || !sample.path("values").isArray()) {
      throw new RowException(line, "\"" + name + "\": no \"sample\" values");
    }
    JsonNode values = sample.get("values");
    JsonNode counts = sample.get("counts");
    if (counts != null && (!counts.isArray() || counts.size() != values.size())) {
      throw new RowException(
          line, "\"" + name + "\": sample \"counts\" and \"values\" differ in length");
    }
    long total = 0;
    for (int i = 0; i < values.size(); i++) {
      total += counts == null ? 1 : count(counts.get(i), "counts", line);
    }
    if (total > NumericData.SAMPLE_LIMIT) {
      throw new RowException(line, "\"" + name + "\": more than 100,000 sample values");
    }
    double[] expanded = new double[(int) total];
    int k = 0;
    for (int i = 0; i < values.size(); i++) {
      double v = number(values.get(i), "sample", line);
      long c = counts == null ? 1 : counts.get(i).asLong();
      for (long j = 0; j < c; j++) {
        expanded[k++] = v;
      }
    }
    long count = count(f.get("count"), "count", line);
    try {
      return NumericData.of(
          name,
          expanded,
          count,
          count == 0 ? 0 : number(f.get("min"), "min", line),
          count == 0 ? 0 : number(f.get("max"), "max", line));
    } catch (IllegalArgumentException e) {
      throw new RowException(line, e.getMessage());
    }
  }

  private static void checkCount(JsonNode f, long actual, String name, long line) {
    if (f.get("count") != null && count(f.get("count"), "count", line) != actual) {
      throw new RowException(
          line, "feature \"" + name + "\": \"count\" is not the sum of its category counts");
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static double number(JsonNode n, String what, long line) {
    if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw new RowException(line, "\"" + what + "\" must be a finite number");
    }
    return n.asDouble();
  }

  private static long count(JsonNode n, String what, long line) {
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
      throw new RowException(line, "\"" + what + "\" must be a whole number >= 0");
    }
    return n.asLong();
  }

  private static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
