package io.mlmon.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.mlmon.config.FieldMapping;
import io.mlmon.ingest.FieldTrie.Field;
import io.mlmon.ingest.FieldTrie.Node;
import io.mlmon.ingest.ParsedEvent.ValueKind;
import java.io.IOException;

/**
 * The Jackson-based parser that {@link EventParser} replaced, kept as the reference implementation:
 * tests feed both the same lines (differential fuzzing) and require the same rejection reasons and
 * the same events. Slower (Jackson's general-purpose streaming parser, a String per id), otherwise
 * the semantics mlmon has always had.
 */
final class JacksonEventParser {
  private static final int MAX_NESTING = 64;
  private static final int MAX_NUMBER_LENGTH = 100;

  private final JsonFactory factory;
  private final ParsedEvent event;
  private final CharView view = new CharView();
  private final FieldTrie trie;
  private boolean schemaProblem;

  JacksonEventParser(FieldMapping mapping, int maxFeatures) {
    this.factory =
        JsonFactory.builder()
            // FastDoubleParser (bundled with Jackson): several times faster than
            // Double.parseDouble.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    this.trie = new FieldTrie(mapping);
    this.event = new ParsedEvent(maxFeatures);
  }

  /** The event of the last successful {@link #parse}; reused by the next call. */
  ParsedEvent event() {
    return event;
  }

  /** Parses a line (without its newline); returns null for an event, else why it was rejected. */
  Rejection parse(byte[] buf, int off, int len) {
    event.reset();
    schemaProblem = false;
    if (!Utf8.isValid(buf, off, len)) {
      return Rejection.ENCODING;
    }
    try (JsonParser p = factory.createParser(buf, off, len)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Rejection.JSON;
      }
      if (first == JsonToken.START_OBJECT) {
        readObject(p, trie.root);
      } else {
        p.skipChildren();
        schemaProblem = true;
      }
      if (p.nextToken() != null) {
        return Rejection.JSON;
      }
    } catch (StreamConstraintsException e) {
      return Rejection.LIMIT;
    } catch (JsonParseException e) {
      return Rejection.JSON;
    } catch (IOException e) {
      return Rejection.JSON;
    }
    if (schemaProblem
        || event.model == null
        || (event.label && event.labelValue == ParsedEvent.ABSENT)) {
      return Rejection.SCHEMA;
    }
    return null;
  }

  private void readObject(JsonParser p, Node node) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Node child = node.child(p.currentName());
      JsonToken value = p.nextToken();
      if (child == null) {
        p.skipChildren();
      } else {
        readValue(p, value, child);
      }
    }
  }

  private void readArray(JsonParser p, Node node) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      Node child = node.child(Integer.toString(index++));
      if (child == null) {
        p.skipChildren();
      } else {
        readValue(p, t, child);
      }
    }
  }

  private void readValue(JsonParser p, JsonToken t, Node node) throws IOException {
    if (node.field != null) {
      capture(p, t, node.field);
    } else if (t == JsonToken.START_OBJECT) {
      readObject(p, node);
    } else if (t == JsonToken.START_ARRAY) {
      readArray(p, node);
    }
  }

  private void capture(JsonParser p, JsonToken t, Field field) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    switch (field) {
      case TYPE -> readType(p, t);
      case TIMESTAMP -> readTimestamp(p, t);
      case MODEL -> event.model = nonEmptyString(p, t);
      case VERSION -> event.version = nonEmptyString(p, t);
      case ID -> readId(p, t);
      case FEATURES -> readFeatures(p, t);
      case SCORE -> {
        double v = finiteNumber(p, t);
        event.hasScore = !Double.isNaN(v);
        event.score = v;
      }
      case FLAGGED -> event.flagged = bool(p, t);
      case LABEL -> event.labelValue = bool(p, t);
      case LATENCY -> {
        double v = finiteNumber(p, t);
        if (v < 0) {
          schemaProblem = true;
        } else {
          event.hasLatency = !Double.isNaN(v);
          event.latencyMs = v;
        }
      }
      case ERROR -> {
        if (t == JsonToken.VALUE_STRING) {
          event.error = p.getTextLength() == 0 ? null : pooled(p);
        } else {
          wrongType(p);
        }
      }
    }
  }

  private void readType(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      wrongType(p);
      return;
    }
    CharView text = view.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (text.contentEquals("label")) {
      event.label = true;
    } else if (!text.contentEquals("prediction")) {
      schemaProblem = true;
    }
  }

  private void readTimestamp(JsonParser p, JsonToken t) throws IOException {
    long millis;
    if (t == JsonToken.VALUE_STRING) {
      millis =
          Timestamps.parseRfc3339(
              view.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      millis = Timestamps.fromEpochSeconds(p.getDoubleValue());
    } else {
      wrongType(p);
      return;
    }
    if (millis == Long.MIN_VALUE) {
      schemaProblem = true;
    } else {
      event.hasTime = true;
      event.timeMillis = millis;
    }
  }

  private void readId(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      event.idText(p.getText());
    } else if (t == JsonToken.VALUE_NUMBER_INT) {
      // Numeric transaction ids are common; they join with the same digits written as a string.
      event.idText(p.getText());
    } else {
      wrongType(p);
    }
  }

  private void readFeatures(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      wrongType(p);
      return;
    }
    ParsedEvent.Features features = event.features;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (v) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          int slot = features.add(name, ValueKind.NUMBER);
          if (slot >= 0) {
            features.setNumber(slot, p.getDoubleValue());
          }
        }
        case VALUE_STRING -> {
          int slot = features.add(name, ValueKind.STRING);
          if (slot >= 0) {
            features.setString(slot, pooled(p));
          }
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          int slot = features.add(name, ValueKind.BOOLEAN);
          if (slot >= 0) {
            features.setNumber(slot, v == JsonToken.VALUE_TRUE ? 1 : 0);
          }
        }
        case VALUE_NULL -> features.add(name, ValueKind.NULL);
        default -> {
          features.add(name, ValueKind.OTHER);
          p.skipChildren();
        }
      }
    }
  }

  private String nonEmptyString(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
      wrongType(p);
      return null;
    }
    return pooled(p);
  }

  private String pooled(JsonParser p) throws IOException {
    return new String(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private double finiteNumber(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      wrongType(p);
      return Double.NaN;
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v)) {
      schemaProblem = true;
      return Double.NaN;
    }
    return v;
  }

  private byte bool(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_TRUE) {
      return 1;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return 0;
    }
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      // 0/1 labels are as common as booleans in ML logs.
      long v = p.getLongValue();
      if (v == 0 || v == 1) {
        return (byte) v;
      }
    }
    wrongType(p);
    return ParsedEvent.ABSENT;
  }

  private void wrongType(JsonParser p) throws IOException {
    schemaProblem = true;
    p.skipChildren();
  }

  /** A reusable window onto a parser's character buffer, to parse text without copying it. */
  private static final class CharView implements CharSequence {
    private char[] chars;
    private int off;
    private int len;

    CharView set(char[] chars, int off, int len) {
      this.chars = chars;
      this.off = off;
      this.len = len;
      return this;
    }

    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      return chars[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, off + start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, off, len);
    }

    boolean contentEquals(String s) {
      if (s.length() != len) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (chars[off + i] != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
