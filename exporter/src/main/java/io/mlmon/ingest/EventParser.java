package io.mlmon.ingest;

import io.mlmon.config.FieldMapping;
import io.mlmon.ingest.FieldTrie.Field;
import io.mlmon.ingest.FieldTrie.Node;
import io.mlmon.ingest.JsonScanner.Reject;
import io.mlmon.ingest.ParsedEvent.ValueKind;
import java.nio.charset.StandardCharsets;

/**
 * Turns one log line into an event or a {@link Rejection}, in one pass over its bytes: no tree per
 * line, members that lead to no configured field are checked and skipped, names are matched as
 * bytes, repeated strings come from a pool and the id stays bytes. Pure: no I/O beyond the bytes
 * given, no clock. Not thread-safe: one parser per thread (each batch of a {@link ParseQueue} has
 * its own).
 *
 * <p>A line is checked in this order: not UTF-8 is {@link Rejection#ENCODING}; then the first
 * syntax error or exceeded limit in the text ({@link Rejection#JSON}, {@link Rejection#LIMIT}, see
 * {@link JsonScanner}); then anything that makes valid JSON no event ({@link Rejection#SCHEMA}).
 * Tests hold these semantics to those of the Jackson-based parser this one replaced.
 */
public final class EventParser {
  private static final byte[] LABEL = "label".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREDICTION = "prediction".getBytes(StandardCharsets.US_ASCII);

  private final JsonScanner in = new JsonScanner();
  private final FieldMapping mapping;
  private final FieldTrie trie;
  private final int maxFeatures;
  private final ParsedEvent own;

  /** The event being filled: {@link #own}, or one of a batch's. */
  private ParsedEvent event;

  private final StringPool pool = new StringPool(4096, 256);
  private final FeatureNames featureNames;
  private final LineShapes shapes = new LineShapes();
  private final TimestampReader timestamps = new TimestampReader();
  private boolean schemaProblem;

  public EventParser(FieldMapping mapping, int maxFeatures) {
    this.mapping = mapping;
    this.trie = new FieldTrie(mapping);
    this.maxFeatures = maxFeatures;
    this.own = new ParsedEvent(maxFeatures);
    this.event = own;
    this.featureNames = new FeatureNames(pool, maxFeatures);
  }

  /** A new parser with the same mapping and limits, for another thread (parsers keep caches). */
  EventParser sibling() {
    return new EventParser(mapping, maxFeatures);
  }

  /** The event of the last successful {@link #parse}; reused by the next call. */
  public ParsedEvent event() {
    return own;
  }

  /** Parses a line (without its newline); returns null for an event, else why it was rejected. */
  public Rejection parse(byte[] buf, int off, int len) {
    return parse(buf, off, len, false, own);
  }

  /** A new event for {@link #parse(byte[], int, int, boolean, ParsedEvent)}, with its limits. */
  ParsedEvent newEvent() {
    return new ParsedEvent(maxFeatures);
  }

  /**
   * Parses a line into {@code into} instead of this parser's own event: for a batch of lines parsed
   * ahead of their use. The event refers to {@code buf} (its id).
   *
   * @param knownAscii the line's bytes are all ASCII, so it is valid UTF-8 without a check
   */
  Rejection parse(byte[] buf, int off, int len, boolean knownAscii, ParsedEvent into) {
    event = into;
    event.reset();
    schemaProblem = false;
    if (!knownAscii && !Utf8.isValid(buf, off, len)) {
      return Rejection.ENCODING;
    }
    LineShapes.Shape shape;
    for (int i = 0; (shape = shapes.get(i)) != null; i++) {
      in.reset(buf, off, len);
      try {
        if (readAs(shape)) {
          shapes.used(i);
          return verdict();
        }
      } catch (Reject r) {
        // Read from scratch below: that decides which rejection it is.
      }
      event.reset();
      schemaProblem = false;
    }
    in.reset(buf, off, len);
    shapes.startRecording(buf, in.pos);
    Rejection rejection = readFromScratch();
    if (rejection == null) {
      shapes.keep(off + len);
    } else {
      shapes.discard();
    }
    return rejection;
  }

  private Rejection readFromScratch() {
    try {
      int first = in.peek();
      if (first == -1) {
        return Rejection.JSON;
      }
      if (first == '{') {
        readObject(trie.root);
      } else {
        in.skipValue();
        schemaProblem = true;
      }
      int next = in.peek();
      if (next != -1) {
        // Something after the value: an error, unless reading it hits a limit first.
        if (next == '-' || (next >= '0' && next <= '9')) {
          in.number(true);
        }
        return Rejection.JSON;
      }
    } catch (Reject r) {
      return r.reason;
    }
    return verdict();
  }

  /** After a line was read to its end without a syntax error: an event, or not one. */
  private Rejection verdict() {
    if (schemaProblem
        || event.model == null
        || (event.label && event.labelValue == ParsedEvent.ABSENT)) {
      return Rejection.SCHEMA;
    }
    return null;
  }

  /**
   * Reads the line as one of the shape of an earlier line: false as soon as the text between values
   * differs (see {@link LineShapes}).
   */
  private boolean readAs(LineShapes.Shape shape) {
    byte[][] literals = shape.literals;
    long[] heads = shape.heads;
    long[] masks = shape.masks;
    int values = shape.values();
    for (int v = 0; v < values; v++) {
      if (!in.skipText(literals[v], heads[v], masks[v]) || in.pos == in.end) {
        return false;
      }
      int c = in.buf[in.pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        // More space than the shape has before this value: the rest might differ too.
        return false;
      }
      in.depth(shape.depths[v]);
      switch (shape.actions[v]) {
        case LineShapes.CAPTURE -> capture(c, shape.fields[v]);
        case LineShapes.FEATURE -> featureValue(shape.names[v], c);
        case LineShapes.NODE -> readValue(shape.nodes[v]);
        default -> in.skipValue();
      }
    }
    return in.skipText(literals[values], heads[values], masks[values]) && in.pos == in.end;
  }

  private void readObject(Node node) {
    in.enter();
    if (!in.firstMember()) {
      return;
    }
    int previous = -1;
    do {
      if (in.peek() != '"') {
        throw JsonScanner.JSON;
      }
      int matched = node.match(in, previous);
      Node child;
      if (matched >= 0) {
        previous = matched;
        child = node.child(matched);
        in.colonAfterName();
      } else {
        in.name();
        child =
            in.textEscaped
                ? node.child(in.text())
                : node.child(in.buf, in.textStart, in.textEnd - in.textStart);
      }
      if (child == null) {
        skip();
      } else {
        readValue(child);
      }
    } while (in.more('}'));
  }

  /** Skips a value nobody asked for (it is still checked). */
  private void skip() {
    in.peek();
    shapes.value(in.pos, LineShapes.SKIP, null, null, null, in.depth());
    in.skipValue();
    shapes.valueEnd(in.pos);
  }

  private void readArray(Node node) {
    in.enter();
    if (!in.firstElement()) {
      return;
    }
    int index = 0;
    do {
      Node child = node.element(index++);
      if (child == null) {
        skip();
      } else {
        readValue(child);
      }
    } while (in.more(']'));
  }

  private void readValue(Node node) {
    int c = in.peek();
    if (node.field == Field.FEATURES && c == '{') {
      // Not one value for a line's shape: each feature is.
      readFeatures();
    } else if (node.field != null) {
      shapes.value(in.pos, LineShapes.CAPTURE, node.field, null, null, in.depth());
      capture(c, node.field);
      shapes.valueEnd(in.pos);
    } else if (c == '{') {
      readObject(node);
    } else if (c == '[') {
      readArray(node);
    } else {
      shapes.value(in.pos, LineShapes.NODE, null, null, node, in.depth());
      in.skipValue();
      shapes.valueEnd(in.pos);
    }
  }

  /** Reads the value starting with byte {@code c} into {@code field}; consumes it in every case. */
  private void capture(int c, Field field) {
    if (c == 'n') {
      // null: the field is absent.
      in.literal();
      return;
    }
    switch (field) {
      case TYPE -> readType(c);
      case TIMESTAMP -> readTimestamp(c);
      case MODEL -> event.model = nonEmptyString(c);
      case VERSION -> event.version = nonEmptyString(c);
      case ID -> readId(c);
      case FEATURES -> {
        if (c == '{') {
          readFeatures();
        } else {
          wrongType();
        }
      }
      case SCORE -> {
        double v = finiteNumber(c);
        event.hasScore = !Double.isNaN(v);
        event.score = v;
      }
      case FLAGGED -> event.flagged = bool(c);
      case LABEL -> event.labelValue = bool(c);
      case LATENCY -> {
        double v = finiteNumber(c);
        if (v < 0) {
          schemaProblem = true;
        } else {
          event.hasLatency = !Double.isNaN(v);
          event.latencyMs = v;
        }
      }
      case ERROR -> {
        if (c == '"') {
          in.string();
          event.error = in.textEnd == in.textStart ? null : pooledText();
        } else {
          wrongType();
        }
      }
    }
  }

  private void readType(int c) {
    if (c != '"') {
      wrongType();
      return;
    }
    in.string();
    if (in.textEscaped) {
      String text = in.text();
      if (text.equals("label")) {
        event.label = true;
      } else if (!text.equals("prediction")) {
        schemaProblem = true;
      }
    } else if (in.textEquals(LABEL)) {
      event.label = true;
    } else if (!in.textEquals(PREDICTION)) {
      checkTextLength();
      schemaProblem = true;
    }
  }

  private void readTimestamp(int c) {
    long millis;
    if (c == '"') {
      in.string();
      if (in.textEscaped) {
        millis = Timestamps.parseRfc3339(in.text());
      } else {
        checkTextLength();
        millis = timestamps.parse(in.buf, in.textStart, in.textEnd - in.textStart);
      }
    } else if (isNumberStart(c)) {
      in.number(false);
      millis = Timestamps.fromEpochSeconds(in.numberValue);
    } else {
      wrongType();
      return;
    }
    if (millis == Long.MIN_VALUE) {
      schemaProblem = true;
    } else {
      event.hasTime = true;
      event.timeMillis = millis;
    }
  }

  private void readId(int c) {
    if (c == '"') {
      in.string();
      if (in.textEscaped) {
        event.idText(in.text());
      } else {
        checkTextLength();
        event.idBytes(in.buf, in.textStart, in.textEnd - in.textStart);
      }
    } else if (isNumberStart(c)) {
      // Numeric transaction ids are common; they join with the same digits written as a string.
      in.number(false);
      if (in.numberIsInteger) {
        event.idBytes(in.buf, in.numberStart, in.pos - in.numberStart);
      } else {
        schemaProblem = true;
      }
    } else {
      wrongType();
    }
  }

  private void readFeatures() {
    in.enter();
    if (!in.firstMember()) {
      return;
    }
    ParsedEvent.Features features = event.features;
    do {
      if (in.peek() != '"') {
        throw JsonScanner.JSON;
      }
      String name = featureNames.match(features.count(), in);
      if (name != null) {
        in.colonAfterName();
      } else {
        in.name();
        name =
            in.textEscaped
                ? in.text()
                : featureNames.get(
                    features.count(), in.buf, in.textStart, in.textEnd - in.textStart);
      }
      int c = in.peek();
      shapes.value(in.pos, LineShapes.FEATURE, null, name, null, in.depth());
      featureValue(name, c);
      shapes.valueEnd(in.pos);
    } while (in.more('}'));
  }

  /** The value (starting with byte {@code c}) of the feature {@code name}. */
  private void featureValue(String name, int c) {
    ParsedEvent.Features features = event.features;
    switch (c) {
      case '"' -> {
        in.string();
        int slot = features.add(name, ValueKind.STRING);
        if (slot >= 0) {
          features.setString(slot, pooledText());
        }
      }
      case 't', 'f' -> {
        in.literal();
        int slot = features.add(name, ValueKind.BOOLEAN);
        if (slot >= 0) {
          features.setNumber(slot, c == 't' ? 1 : 0);
        }
      }
      case 'n' -> {
        in.literal();
        features.add(name, ValueKind.NULL);
      }
      case '{', '[' -> {
        in.skipValue();
        features.add(name, ValueKind.OTHER);
      }
      default -> {
        if (!isNumberStart(c)) {
          throw JsonScanner.JSON;
        }
        in.number(false);
        int slot = features.add(name, ValueKind.NUMBER);
        if (slot >= 0) {
          features.setNumber(slot, in.numberValue);
        }
      }
    }
  }

  private static boolean isNumberStart(int c) {
    return c == '-' || (c >= '0' && c <= '9');
  }

  private String nonEmptyString(int c) {
    if (c != '"') {
      wrongType();
      return null;
    }
    in.string();
    if (in.textEnd == in.textStart) {
      schemaProblem = true;
      return null;
    }
    return pooledText();
  }

  /** The text of the string just read: from the pool unless it has escapes (rare). */
  private String pooledText() {
    if (in.textEscaped) {
      return in.text();
    }
    checkTextLength();
    return pool.get(in.buf, in.textStart, in.textEnd - in.textStart);
  }

  /** A string whose text is read is subject to the string-length limit (see JsonScanner). */
  private void checkTextLength() {
    if (in.textEnd - in.textStart > JsonScanner.MAX_STRING_CHARS) {
      in.text();
    }
  }

  private double finiteNumber(int c) {
    if (!isNumberStart(c)) {
      wrongType();
      return Double.NaN;
    }
    in.number(false);
    double v = in.numberValue;
    if (!Double.isFinite(v)) {
      schemaProblem = true;
      return Double.NaN;
    }
    return v;
  }

  private byte bool(int c) {
    if (c == 't' || c == 'f') {
      in.literal();
      return (byte) (c == 't' ? 1 : 0);
    }
    if (isNumberStart(c)) {
      // 0/1 labels are as common as booleans in ML logs.
      in.number(false);
      if (in.numberIsInteger && (in.numberValue == 0 || in.numberValue == 1)) {
        return (byte) in.numberValue;
      }
      schemaProblem = true;
      return ParsedEvent.ABSENT;
    }
    wrongType();
    return ParsedEvent.ABSENT;
  }

  /** A value of the wrong type for its field: the line is no event; the value is skipped. */
  private void wrongType() {
    schemaProblem = true;
    in.skipValue();
  }
}
