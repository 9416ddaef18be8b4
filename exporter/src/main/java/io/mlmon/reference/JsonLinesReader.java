package io.mlmon.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of JSON Lines training data: one object per line, blank lines skipped. A flat object is a
 * row (key → number, string, boolean or null). An object shaped like a log event (it has a {@code
 * features} object) is flattened: its features, plus the score column taken from the top level;
 * events of other models than the one asked for are skipped, and without a model asked for, events
 * of two models are an error. Label events ({@code "type":"label"}) are skipped whatever their
 * shape. {@code NaN} and {@code Infinity}, as Python writes them, are read (and are missing
 * values).
 */
final class JsonLinesReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final BufferedReader in;
  private final String scoreColumn;
  private final Optional<String> model;
  private String seenModel;
  private long line;

  JsonLinesReader(BufferedReader in, String scoreColumn, Optional<String> model) {
    this.in = in;
    this.scoreColumn = scoreColumn;
    this.model = model;
  }

  /** The line of the row last returned. */
  long line() {
    return line;
  }

  /** The next row, or null at the end. */
  Map<String, Object> next() throws IOException {
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      Map<String, Object> row = parse(text);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private Map<String, Object> parse(String text) throws IOException {
    Map<String, Object> object;
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RowException(line, "not a JSON object");
      }
      object = readObject(p, true);
      if (p.nextToken() != null) {
        throw new RowException(line, "more than one JSON value on the line");
      }
    } catch (JsonProcessingException e) {
      throw new RowException(line, "invalid JSON: " + e.getOriginalMessage());
    }
    if ("label".equals(object.get("type"))) {
      return null;
    }
    if (!(object.get("features") instanceof Map<?, ?> features)) {
      for (Map.Entry<String, Object> e : object.entrySet()) {
        checkScalar("column", e.getKey(), e.getValue());
      }
      return object;
    }
    Object eventModel = object.get("model");
    if (eventModel instanceof String m) {
      if (model.isPresent() && !model.get().equals(m)) {
        return null;
      }
      if (model.isEmpty()) {
        if (seenModel != null && !seenModel.equals(m)) {
          throw new RowException(
              line,
              "events of two models (\""
                  + seenModel
                  + "\", \""
                  + m
                  + "\"): choose one with --model");
        }
        seenModel = m;
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : features.entrySet()) {
      checkScalar("feature", (String) e.getKey(), e.getValue());
      row.put((String) e.getKey(), e.getValue());
    }
    Object score = object.get(scoreColumn);
    checkScalar("score", scoreColumn, score);
    row.put(scoreColumn, score);
    return row;
  }

  private void checkScalar(String what, String name, Object value) {
    if (value instanceof Map || value == NESTED) {
      throw new RowException(line, what + " \"" + name + "\" holds an object or an array");
    }
  }

  /**
   * Reads an object's members: scalars as Double, String, Boolean or null; an object at the top
   * level (such as {@code features}) as a map; anything deeper, and arrays, as {@link #NESTED}.
   */
  private Map<String, Object> readObject(JsonParser p, boolean top) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (t) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.put(name, p.getDoubleValue());
        case VALUE_STRING -> out.put(name, p.getText());
        case VALUE_TRUE -> out.put(name, Boolean.TRUE);
        case VALUE_FALSE -> out.put(name, Boolean.FALSE);
        case VALUE_NULL -> out.put(name, null);
        case START_OBJECT -> out.put(name, top ? readObject(p, false) : skip(p));
        default -> out.put(name, skip(p));
      }
    }
    return out;
  }

  private static Object skip(JsonParser p) throws IOException {
    p.skipChildren();
    return NESTED;
  }

  /** An array, or an object nested too deep to be a value. */
  private static final Object NESTED = new Object();
}
