package io.mlmon.ingest;

import io.mlmon.ingest.FieldTrie.Field;
import io.mlmon.ingest.FieldTrie.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes of recent lines. A model server writes every line with the same serializer: the same
 * members in the same order, the same punctuation and spacing; only values change. A shape is one
 * such line taken apart into the text between its values (names, colons, braces, commas and
 * whitespace, kept byte for byte) and what was done with each value. A new line that has exactly
 * the same text between its values is read by comparing that text and reading just the values, in
 * the same way as before; any difference, and the line is parsed from scratch.
 *
 * <p>This gives the same result as parsing from scratch: where the text between values is the same
 * bytes, so are the member names and nesting, and every value is read and checked by the same code.
 * A few shapes are kept (predictions and labels alternate), the most recently used first.
 */
final class LineShapes {
  static final byte CAPTURE = 0;
  static final byte FEATURE = 1;
  static final byte SKIP = 2;

  /**
   * A value at a step of a field's pointer that was not an object or array when recorded: it is
   * read as from scratch, since in another line it may hold the field.
   */
  static final byte NODE = 3;

  private static final int MAX_SHAPES = 4;
  private static final int MAX_STEPS = 1024;

  /** One line's text between values, and what to do with each value. */
  static final class Shape {
    /** literals[i] comes before value i; the last one ends the line. */
    final byte[][] literals;

    /**
     * Each literal's first eight bytes (or fewer) as a little-endian word, and the mask of the
     * bytes it has, for {@link JsonScanner#skipText}.
     */
    final long[] heads;

    final long[] masks;

    final byte[] actions;
    final Field[] fields;
    final String[] names;
    final Node[] nodes;
    final int[] depths;

    private Shape(
        List<byte[]> literals,
        byte[] actions,
        Field[] fields,
        String[] names,
        Node[] nodes,
        int[] depths) {
      this.literals = literals.toArray(new byte[0][]);
      heads = new long[this.literals.length];
      masks = new long[this.literals.length];
      for (int i = 0; i < heads.length; i++) {
        heads[i] = Swar.word(this.literals[i], 0, Math.min(8, this.literals[i].length));
        masks[i] = Swar.lowBytes(this.literals[i].length);
      }
      this.actions = actions;
      this.fields = fields;
      this.names = names;
      this.nodes = nodes;
      this.depths = depths;
    }

    int values() {
      return actions.length;
    }
  }

  private final Shape[] shapes = new Shape[MAX_SHAPES];
  private int misses;

  // The line being recorded.
  private boolean recording;
  private byte[] line;
  private int literalStart;
  private final List<byte[]> literals = new ArrayList<>();
  private byte[] actions = new byte[64];
  private Field[] fields = new Field[64];
  private String[] names = new String[64];
  private Node[] nodes = new Node[64];
  private int[] depths = new int[64];
  private int steps;

  /** The shape to try at position {@code i} (0 = most recently used), or null. */
  Shape get(int i) {
    return i < MAX_SHAPES ? shapes[i] : null;
  }

  /** Moves the shape at position {@code i} to the front. */
  void used(int i) {
    misses = 0;
    Shape s = shapes[i];
    System.arraycopy(shapes, 0, shapes, 1, i);
    shapes[0] = s;
  }

  /**
   * Starts recording a line that no shape fits. Lines that are all different would cost a recording
   * each for nothing, so after a run of misses only every 16th is recorded.
   */
  void startRecording(byte[] buf, int off) {
    recording = misses++ < 16 || (misses & 15) == 0;
    line = buf;
    literalStart = off;
    literals.clear();
    steps = 0;
  }

  /**
   * A value starts at {@code at}, at nesting {@code depth}; it will be handled by {@code action}
   * with the field, feature name or trie node that goes with it.
   */
  void value(int at, byte action, Field field, String name, Node node, int depth) {
    if (!recording) {
      return;
    }
    if (steps == MAX_STEPS) {
      recording = false;
      return;
    }
    if (steps == actions.length) {
      int n = steps * 2;
      actions = Arrays.copyOf(actions, n);
      fields = Arrays.copyOf(fields, n);
      names = Arrays.copyOf(names, n);
      nodes = Arrays.copyOf(nodes, n);
      depths = Arrays.copyOf(depths, n);
    }
    literals.add(Arrays.copyOfRange(line, literalStart, at));
    actions[steps] = action;
    fields[steps] = field;
    names[steps] = name;
    nodes[steps] = node;
    depths[steps] = depth;
    steps++;
  }

  /** The value last announced ended just before {@code at}. */
  void valueEnd(int at) {
    literalStart = at;
  }

  /** The line ended at {@code end} and was an event: its shape goes to the front. */
  void keep(int end) {
    if (!recording) {
      return;
    }
    recording = false;
    literals.add(Arrays.copyOfRange(line, literalStart, end));
    Shape shape =
        new Shape(
            literals,
            Arrays.copyOf(actions, steps),
            Arrays.copyOf(fields, steps),
            Arrays.copyOf(names, steps),
            Arrays.copyOf(nodes, steps),
            Arrays.copyOf(depths, steps));
    System.arraycopy(shapes, 0, shapes, 1, MAX_SHAPES - 1);
    shapes[0] = shape;
    line = null;
  }

  /** The line was no event: nothing to keep. */
  void discard() {
    recording = false;
    line = null;
  }
}
