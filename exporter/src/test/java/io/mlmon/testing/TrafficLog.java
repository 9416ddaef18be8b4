package io.mlmon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a prediction log with known content and keeps, beside it, the counts the exporter must
 * report — computed here from the events written, by rules restated from the contract, not by
 * calling exporter code.
 */
public final class TrafficLog {
  /** How a line is laid out: the contract's default fields, or a nested custom shape. */
  public enum Layout {
    DEFAULT,
    /** {@code {"meta":{"model","rev","at"},"request":{"id","inputs"},"response":{...}}}. */
    NESTED
  }

  /** The field mapping for {@link Layout#NESTED}, as config YAML. */
  public static final String NESTED_FIELDS =
      """
      fields:
        type: /kind
        timestamp: /meta/at
        model: /meta/model
        version: /meta/rev
        id: /request/id
        features: /request/inputs
        score: /response/probability
        flagged: /response/decision
        label: /truth
        latency_ms: /response/took_ms
        error: /response/error
      """;

  public static final double[] LATENCY_BOUNDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Layout layout;
  private final Map<String, Double> thresholds;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, Double> expected = new TreeMap<>();

  /** (model, id) of predictions waiting for a label: model, version, decision (or null). */
  private final Map<String, Object[]> pending = new HashMap<>();

  private final Set<String> labelled = new HashSet<>();
  private long time = 1_795_600_000_000L;

  public TrafficLog(Layout layout, Map<String, Double> thresholds) {
    this.layout = layout;
    this.thresholds = thresholds;
  }

  private void count(String series, double delta) {
    expected.merge(series, delta, Double::sum);
  }

  /** Writes a prediction; null arguments are left out of the line. */
  public TrafficLog prediction(
      String model,
      String version,
      String id,
      Double score,
      Boolean flagged,
      Double latencyMs,
      String error) {
    time += 1000;
    String v = version == null ? "unknown" : version;
    count(Exposition.key("mlmon_predictions_total", "model", model, "version", v), 1);
    Boolean decision = flagged;
    if (decision == null && score != null && thresholds.containsKey(model)) {
      decision = score >= thresholds.get(model);
    }
    count(
        Exposition.key("mlmon_predictions_flagged_total", "model", model, "version", v),
        Boolean.TRUE.equals(decision) ? 1 : 0);
    if (error != null) {
      count(
          Exposition.key(
              "mlmon_prediction_errors_total", "model", model, "version", v, "error", error),
          1);
    }
    if (latencyMs != null) {
      count(
          Exposition.key("mlmon_prediction_latency_seconds_count", "model", model, "version", v),
          1);
      count(
          Exposition.key("mlmon_prediction_latency_seconds_sum", "model", model, "version", v),
          latencyMs / 1000.0);
      for (double le : LATENCY_BOUNDS) {
        count(
            Exposition.key(
                "mlmon_prediction_latency_seconds_bucket",
                "model",
                model,
                "version",
                v,
                "le",
                Double.toString(le)),
            latencyMs / 1000.0 <= le ? 1 : 0);
      }
    }
    if (score != null && decision != null && score >= 0 && score <= 1) {
      String[] cells = decision ? new String[] {"tp", "fp"} : new String[] {"fn", "tn"};
      count(expectedKey(model, v, cells[0]), score);
      count(expectedKey(model, v, cells[1]), 1 - score);
    }
    if (id != null) {
      String key = model + "\u0000" + id;
      if (!labelled.contains(key)) {
        pending.put(key, new Object[] {model, v, decision});
      }
    }
    Map<String, Object> fields = new TreeMap<>();
    fields.put("model", model);
    fields.put("version", version);
    fields.put("id", id);
    fields.put("score", score);
    fields.put("flagged", flagged);
    fields.put("latency_ms", latencyMs);
    fields.put("error", error);
    lines.add(render(false, fields));
    return this;
  }

  private static String expectedKey(String model, String version, String outcome) {
    return Exposition.key(
        "mlmon_expected_outcomes_total", "model", model, "version", version, "outcome", outcome);
  }

  /** Writes a label; with {@code inlineFlagged} it carries its prediction and needs no join. */
  public TrafficLog label(
      String model, String id, boolean label, Boolean inlineFlagged, String version) {
    time += 1000;
    String result;
    if (inlineFlagged != null) {
      result = "inline";
      outcome(model, version == null ? "unknown" : version, inlineFlagged, label);
    } else {
      String key = model + "\u0000" + id;
      if (labelled.contains(key)) {
        result = "duplicate";
      } else if (pending.containsKey(key)) {
        result = "joined";
        Object[] p = pending.remove(key);
        labelled.add(key);
        if (p[2] != null) {
          outcome(model, (String) p[1], (Boolean) p[2], label);
        }
      } else {
        result = "unmatched";
      }
    }
    count(Exposition.key("mlmon_labels_total", "model", model, "result", result), 1);
    Map<String, Object> fields = new TreeMap<>();
    fields.put("type", "label");
    fields.put("model", model);
    fields.put("id", id);
    fields.put("label", label);
    fields.put("flagged", inlineFlagged);
    fields.put("version", version);
    lines.add(render(true, fields));
    return this;
  }

  private void outcome(String model, String version, boolean flagged, boolean label) {
    String cell = flagged ? (label ? "tp" : "fp") : (label ? "fn" : "tn");
    count(
        Exposition.key("mlmon_outcomes_total", "model", model, "version", version, "outcome", cell),
        1);
  }

  /** A line that is not an event, counted as rejected for {@code reason}. */
  public TrafficLog garbage(String line, String reason) {
    lines.add(line);
    count("rejected:" + reason, 1);
    return this;
  }

  private String render(boolean label, Map<String, Object> f) {
    String ts = java.time.Instant.ofEpochMilli(time).toString();
    if (layout == Layout.DEFAULT) {
      StringBuilder b = new StringBuilder("{\"ts\":\"").append(ts).append('"');
      for (Map.Entry<String, Object> e : f.entrySet()) {
        if (e.getValue() != null) {
          b.append(",\"").append(e.getKey()).append("\":").append(json(e.getValue()));
        }
      }
      if (!label) {
        b.append(",\"features\":{\"amount\":12.5,\"country\":\"DE\"}");
      }
      return b.append('}').toString();
    }
    StringBuilder b = new StringBuilder("{");
    if (label) {
      b.append("\"kind\":\"label\",\"truth\":").append(f.get("label")).append(',');
    }
    b.append("\"meta\":{\"at\":\"").append(ts).append("\",\"model\":").append(json(f.get("model")));
    if (f.get("version") != null) {
      b.append(",\"rev\":").append(json(f.get("version")));
    }
    b.append("},\"request\":{");
    if (f.get("id") != null) {
      b.append("\"id\":").append(json(f.get("id"))).append(',');
    }
    b.append("\"inputs\":{\"amount\":1}},\"response\":{\"status\":\"ok\"");
    if (f.get("score") != null) {
      b.append(",\"probability\":").append(json(f.get("score")));
    }
    if (f.get("flagged") != null) {
      b.append(",\"decision\":").append(f.get("flagged"));
    }
    if (f.get("latency_ms") != null) {
      b.append(",\"took_ms\":").append(json(f.get("latency_ms")));
    }
    if (f.get("error") != null) {
      b.append(",\"error\":").append(json(f.get("error")));
    }
    // Decoys at the default paths: a custom mapping must not read them.
    return b.append("},\"model\":\"decoy\",\"score\":2}").toString();
  }

  private static String json(Object v) {
    if (v instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(v);
  }

  /** Random mixed traffic over several models and versions. */
  public TrafficLog randomTraffic(Random random, int predictions, List<String> models) {
    List<String[]> ids = new ArrayList<>();
    for (int i = 0; i < predictions; i++) {
      String model = models.get(random.nextInt(models.size()));
      String version = random.nextInt(10) == 0 ? null : "v" + (1 + random.nextInt(2));
      String id = random.nextInt(20) == 0 ? null : "tx-" + i;
      Double score =
          random.nextInt(10) == 0 ? null : Math.round(random.nextDouble() * 1000) / 1000.0;
      Boolean flagged = random.nextInt(3) == 0 ? Boolean.valueOf(random.nextBoolean()) : null;
      Double latency =
          random.nextInt(8) == 0 ? null : Math.round(random.nextDouble() * 3000) / 100.0;
      String error =
          random.nextInt(15) == 0 ? (random.nextBoolean() ? "TimeoutError" : "ValueError") : null;
      prediction(model, version, id, score, flagged, latency, error);
      if (id != null) {
        ids.add(new String[] {model, id});
      }
      if (random.nextInt(4) == 0 && !ids.isEmpty()) {
        String[] target = ids.get(random.nextInt(ids.size()));
        label(target[0], target[1], random.nextBoolean(), null, null);
      }
      if (random.nextInt(40) == 0) {
        label(model, "never-" + i, random.nextBoolean(), null, null);
      }
      if (random.nextInt(40) == 0) {
        label(model, "inline-" + i, random.nextBoolean(), random.nextBoolean(), version);
      }
    }
    return this;
  }

  /** Predictions still waiting for a label, by model. */
  public long pending(String model) {
    return pending.values().stream().filter(p -> p[0].equals(model)).count();
  }

  public Map<String, Double> expected() {
    return expected;
  }

  public double expected(String key) {
    return expected.getOrDefault(key, 0.0);
  }

  public List<String> lines() {
    return lines;
  }

  public long bytes() {
    return lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1L).sum();
  }

  public void writeTo(Path file) throws IOException {
    Files.write(
        file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
