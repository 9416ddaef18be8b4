package io.mlmon.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import io.mlmon.config.FieldMapping;
import java.util.HashMap;
import java.util.Map;

/**
 * The configured JSON Pointers merged into one tree, so a single streaming pass over a line finds
 * every field: the parser descends only into members that lead to a field and skips the rest.
 */
final class FieldTrie {
  /** Which event field a pointer names. */
  enum Field {
    TYPE,
    TIMESTAMP,
    MODEL,
    VERSION,
    ID,
    FEATURES,
    SCORE,
    FLAGGED,
    LABEL,
    LATENCY,
    ERROR
  }

  /** One step of a pointer: the field it ends at, if any, and the steps below it. */
  static final class Node {
    Field field;
    final Map<String, Node> children = new HashMap<>();

    Node child(String name) {
      return children.get(name);
    }

    boolean hasChildren() {
      return !children.isEmpty();
    }
  }

  final Node root = new Node();

  FieldTrie(FieldMapping mapping) {
    add(mapping.type(), Field.TYPE);
    add(mapping.timestamp(), Field.TIMESTAMP);
    add(mapping.model(), Field.MODEL);
    add(mapping.version(), Field.VERSION);
    add(mapping.id(), Field.ID);
    add(mapping.features(), Field.FEATURES);
    add(mapping.score(), Field.SCORE);
    add(mapping.flagged(), Field.FLAGGED);
    add(mapping.label(), Field.LABEL);
    add(mapping.latencyMs(), Field.LATENCY);
    add(mapping.error(), Field.ERROR);
  }

  private void add(JsonPointer pointer, Field field) {
    Node node = root;
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      node = node.children.computeIfAbsent(p.getMatchingProperty(), k -> new Node());
    }
    node.field = field;
  }
}
