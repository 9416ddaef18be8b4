package io.mlmon.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The JSON Pointer that locates each field of an event in a log line. */
public record FieldMapping(
    JsonPointer type,
    JsonPointer timestamp,
    JsonPointer model,
    JsonPointer version,
    JsonPointer id,
    JsonPointer features,
    JsonPointer score,
    JsonPointer flagged,
    JsonPointer label,
    JsonPointer latencyMs,
    JsonPointer error) {

  public static final FieldMapping DEFAULTS =
      new FieldMapping(
          JsonPointer.compile("/type"),
          JsonPointer.compile("/ts"),
          JsonPointer.compile("/model"),
          JsonPointer.compile("/version"),
          JsonPointer.compile("/id"),
          JsonPointer.compile("/features"),
          JsonPointer.compile("/score"),
          JsonPointer.compile("/flagged"),
          JsonPointer.compile("/label"),
          JsonPointer.compile("/latency_ms"),
          JsonPointer.compile("/error"));

  public FieldMapping {
    for (JsonPointer p :
        new JsonPointer[] {
          type, timestamp, model, version, id, features, score, flagged, label, latencyMs, error
        }) {
      Objects.requireNonNull(p, "every field needs a pointer");
    }
  }

  /** The mapping by config key, in the order of the documentation. */
  public Map<String, JsonPointer> byKey() {
    Map<String, JsonPointer> out = new LinkedHashMap<>();
    out.put("type", type);
    out.put("timestamp", timestamp);
    out.put("model", model);
    out.put("version", version);
    out.put("id", id);
    out.put("features", features);
    out.put("score", score);
    out.put("flagged", flagged);
    out.put("label", label);
    out.put("latency_ms", latencyMs);
    out.put("error", error);
    return out;
  }
}
