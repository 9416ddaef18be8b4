package io.mlmon.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import io.mlmon.config.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

  /**
   * One step of a pointer: the field it ends at, if any, and the steps below it. Children are found
   * by a member name's bytes without decoding it; by text for names with escapes; by position for
   * array elements.
   */
  static final class Node {
    Field field;
    final Map<String, Node> children = new HashMap<>();
    private byte[][] names = new byte[0][];

    /** Each name ready for {@link JsonScanner#stringIs}, or null when it needs escaping. */
    private JsonScanner.Plain[] plain = new JsonScanner.Plain[0];

    private Node[] byName = new Node[0];
    private int[] indexes = new int[0];
    private Node[] byIndex = new Node[0];

    /**
     * For each child (and, at the end, the start of the object), the child whose name came next
     * last time: lines of one kind list their members in the same order, so the guess is usually
     * right, and a right guess costs one comparison.
     */
    private int[] follow = new int[1];

    Node child(String name) {
      return children.get(name);
    }

    Node child(int index) {
      return byName[index];
    }

    /**
     * The index of the child whose name is the string at the scanner's position, read if so; else
     * -1 with nothing read. {@code previous} is the index of the member before (-1 at the start).
     */
    int match(JsonScanner in, int previous) {
      int n = names.length;
      int from = previous < 0 ? n : previous;
      int guess = follow[from];
      if (guess < n && plain[guess] != null && in.stringIs(plain[guess])) {
        return guess;
      }
      for (int i = 0; i < n; i++) {
        if (plain[i] != null && in.stringIs(plain[i])) {
          follow[from] = i;
          return i;
        }
      }
      return -1;
    }

    /** The child named by {@code len} bytes of UTF-8 (no escapes) at {@code off}, or null. */
    Node child(byte[] b, int off, int len) {
      for (int i = 0; i < names.length; i++) {
        byte[] name = names[i];
        if (name.length == len && Arrays.equals(name, 0, len, b, off, off + len)) {
          return byName[i];
        }
      }
      return null;
    }

    /** The child for array element {@code index} (a pointer step like {@code /0}), or null. */
    Node element(int index) {
      for (int i = 0; i < indexes.length; i++) {
        if (indexes[i] == index) {
          return byIndex[i];
        }
      }
      return null;
    }

    private void freeze() {
      List<byte[]> n = new ArrayList<>();
      List<Node> c = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      List<Node> ci = new ArrayList<>();
      for (Map.Entry<String, Node> e : children.entrySet()) {
        n.add(e.getKey().getBytes(StandardCharsets.UTF_8));
        c.add(e.getValue());
        Integer index = arrayIndex(e.getKey());
        if (index != null) {
          idx.add(index);
          ci.add(e.getValue());
        }
        e.getValue().freeze();
      }
      names = n.toArray(new byte[0][]);
      follow = new int[names.length + 1];
      plain = new JsonScanner.Plain[names.length];
      for (int i = 0; i < names.length; i++) {
        plain[i] = JsonScanner.isPlain(names[i]) ? new JsonScanner.Plain(names[i]) : null;
      }
      byName = c.toArray(new Node[0]);
      indexes = idx.stream().mapToInt(Integer::intValue).toArray();
      byIndex = ci.toArray(new Node[0]);
    }

    /** The element index a step names, as the text of the index would be written, else null. */
    private static Integer arrayIndex(String step) {
      try {
        int i = Integer.parseInt(step);
        return i >= 0 && Integer.toString(i).equals(step) ? i : null;
      } catch (NumberFormatException e) {
        return null;
      }
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
    root.freeze();
  }

  private void add(JsonPointer pointer, Field field) {
    Node node = root;
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      node = node.children.computeIfAbsent(p.getMatchingProperty(), k -> new Node());
    }
    node.field = field;
  }
}
