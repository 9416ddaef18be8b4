package io.mlmon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mlmon.drift.BinShare;
import io.mlmon.drift.FeatureDrift;
import io.mlmon.drift.ModelDrift;
import io.mlmon.monitor.DriftReport;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/drift}: the latest drift report as JSON, for people and scripts: per model when it
 * was computed and over how many samples, the dataset and prediction drift, and per feature every
 * method's score and p-value, the decision and each bin's reference and current share.
 */
public final class DriftApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<DriftReport> report;

  public DriftApi(Supplier<DriftReport> report) {
    this.report = report;
  }

  void handle(Context ctx) throws JsonProcessingException {
    ctx.contentType("application/json");
    ctx.result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report.get())));
  }

  static ObjectNode toJson(DriftReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", "success");
    ObjectNode models = root.putObject("models");
    for (Map.Entry<String, ModelDrift> e : report.models().entrySet()) {
      ModelDrift d = e.getValue();
      ObjectNode m = models.putObject(e.getKey());
      m.put("computed_at", Instant.ofEpochMilli(d.computedAtMillis()).toString());
      m.put("window_samples", d.windowSamples());
      ObjectNode dataset = m.putObject("dataset_drift");
      dataset.put("evaluated_features", d.features().size());
      dataset.put("drifted_features", d.driftedFeatures());
      dataset.put("share", d.datasetDriftShare());
      dataset.put("detected", d.datasetDriftDetected());
      d.predictionDrift().ifPresent(p -> m.set("prediction_drift", feature(p)));
      ArrayNode features = m.putArray("features");
      d.features().forEach(f -> features.add(feature(f)));
      ObjectNode insufficient = m.putObject("below_min_samples");
      d.insufficient().forEach(insufficient::put);
    }
    return root;
  }

  private static ObjectNode feature(FeatureDrift f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", f.name());
    n.put("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
    n.put("samples", f.samples());
    n.put("reference_samples", f.referenceCount());
    n.put("drift_detected", f.driftDetected());
    ObjectNode decision = n.putObject("decision");
    decision.put("method", f.decidedBy().label());
    decision.put("threshold", f.threshold());
    decision.put("value", f.decisionValue());
    ObjectNode scores = n.putObject("scores");
    f.scores().forEach((method, v) -> scores.put(method.label(), v));
    ObjectNode pValues = n.putObject("p_values");
    f.pValues().forEach((method, v) -> pValues.put(method.label(), v));
    ArrayNode bins = n.putArray("bins");
    for (BinShare b : f.bins()) {
      bins.addObject()
          .put("bin", b.label())
          .put("reference", b.reference())
          .put("current", b.current());
    }
    return n;
  }
}
