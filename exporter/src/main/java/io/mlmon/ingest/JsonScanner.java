package io.mlmon.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The tokens of one line of strict JSON (RFC 8259), read straight from its bytes: whitespace,
 * strings, numbers, literals, and whole values skipped. {@link EventParser} walks the structure
 * with it. Errors are thrown as {@link Reject}: {@link Rejection#JSON} for bad syntax, {@link
 * Rejection#LIMIT} for input beyond a limit that protects the process.
 *
 * <p>The limits, and the order in which they and syntax errors are found, are those of the Jackson
 * parser this scanner replaced (its {@code StreamReadConstraints}, as mlmon configured them), so
 * every line gets the same rejection reason as before: nesting deeper than 64; numbers with more
 * than 100 digits (checked once the number is complete and well-formed; a root-level number must be
 * followed by whitespace first); names longer than 50,000 UTF-8 bytes once decoded (checked at the
 * closing quote); strings longer than 20,000,000 characters where their text is read.
 *
 * <p>The bytes must already be valid UTF-8 ({@link Utf8#isValid}). Not thread-safe.
 */
final class JsonScanner {
  static final int MAX_NESTING = 64;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_NAME_BYTES = 50_000;
  static final int MAX_STRING_CHARS = 20_000_000;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** Thrown for a line to reject; preallocated and without a stack trace, so throwing is cheap. */
  static final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Rejection reason;

    private Reject(Rejection reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }

  static final Reject JSON = new Reject(Rejection.JSON);
  static final Reject LIMIT = new Reject(Rejection.LIMIT);

  byte[] buf;
  int pos;
  int end;
  private int depth;

  /** After {@link #string}: the raw text between the quotes, and whether it has escapes. */
  int textStart;

  int textEnd;
  boolean textEscaped;

  /** After {@link #number}: its text, whether it is an integer, and its value. */
  int numberStart;

  boolean numberIsInteger;
  double numberValue;

  void reset(byte[] buf, int off, int len) {
    this.buf = buf;
    this.pos = off;
    this.end = off + len;
    this.depth = 0;
    if (len >= 3
        && buf[off] == (byte) 0xEF
        && buf[off + 1] == (byte) 0xBB
        && buf[off + 2] == (byte) 0xBF) {
      // A UTF-8 byte-order mark at the start is not part of the JSON text.
      pos += 3;
    }
  }

  /** Skips whitespace; returns the next byte (not consumed), or -1 at the end. */
  int peek() {
    while (pos < end) {
      byte b = buf[pos];
      if (b > ' ') {
        return b;
      }
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        pos++;
      } else {
        return b;
      }
    }
    return -1;
  }

  /** Skips whitespace and consumes {@code c}, or throws. */
  void expect(char c) {
    if (peek() != c) {
      throw JSON;
    }
    pos++;
  }

  /** Consumes an opening brace or bracket (at {@code pos}), one level deeper. */
  void enter() {
    if (++depth > MAX_NESTING) {
      throw LIMIT;
    }
    pos++;
  }

  void leave() {
    depth--;
  }

  int depth() {
    return depth;
  }

  void depth(int d) {
    depth = d;
  }

  /**
   * Whether the next bytes are exactly {@code text}; if so, reads them (for {@link LineShapes}: the
   * text between a line's values). {@code head} is its first eight bytes (or fewer) as a word
   * ({@link Swar#word}) and {@code mask} the mask of those bytes ({@link Swar#lowBytes}): most such
   * texts (a comma, a name and a colon) are under eight bytes, and one masked comparison of a word
   * checks them.
   */
  boolean skipText(byte[] text, long head, long mask) {
    int n = text.length;
    int p = pos;
    if (p + n > end) {
      return false;
    }
    int k = 0;
    if (p + 8 <= end) {
      if (((long) LONGS.get(buf, p) & mask) != head) {
        return false;
      }
      k = Math.min(n, 8);
    }
    for (; k + 8 <= n; k += 8) {
      if ((long) LONGS.get(buf, p + k) != (long) LONGS.get(text, k)) {
        return false;
      }
    }
    for (; k < n; k++) {
      if (buf[p + k] != text[k]) {
        return false;
      }
    }
    pos = p + n;
    return true;
  }

  /**
   * After a member or element: consumes a comma and returns true, or consumes {@code close} and
   * returns false.
   */
  boolean more(char close) {
    int c = peek();
    if (c == ',') {
      pos++;
      return true;
    }
    if (c == close) {
      pos++;
      leave();
      return false;
    }
    throw JSON;
  }

  /** At the start of an object's body: true when it has a first member, false for {@code {}}. */
  boolean firstMember() {
    int c = peek();
    if (c == '}') {
      pos++;
      leave();
      return false;
    }
    if (c != '"') {
      throw JSON;
    }
    return true;
  }

  /** At the start of an array's body: true when it has a first element, false for {@code []}. */
  boolean firstElement() {
    if (peek() == ']') {
      pos++;
      leave();
      return false;
    }
    return true;
  }

  /** Reads a member name and its colon; the name's raw text is at {@link #textStart}. */
  void name() {
    if (peek() != '"') {
      throw JSON;
    }
    string();
    colonAfterName();
  }

  /** After a member name's closing quote: checks its length, reads the colon. */
  void colonAfterName() {
    if (textEscaped || textEnd - textStart > MAX_NAME_BYTES) {
      int bytes = textEscaped ? decodedUtf8Length(textStart, textEnd) : textEnd - textStart;
      if (bytes > MAX_NAME_BYTES) {
        throw LIMIT;
      }
    }
    expect(':');
  }

  /**
   * Text a caller expects as a string: bytes that need no escaping in JSON (no quote, backslash or
   * control character), with its first bytes and closing quote packed in a word so that {@link
   * #stringIs} usually checks it with one comparison.
   */
  static final class Plain {
    final byte[] bytes;
    private final long head;
    private final long mask;

    Plain(byte[] bytes) {
      if (!isPlain(bytes)) {
        throw new IllegalArgumentException("needs escaping");
      }
      this.bytes = bytes;
      long h = 0;
      int n = Math.min(8, bytes.length + 1);
      for (int k = 0; k < n; k++) {
        long b = k < bytes.length ? bytes[k] & 0xff : '"';
        h |= b << (8 * k);
      }
      this.head = h;
      this.mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
    }
  }

  /**
   * Whether the string at {@link #pos} (at its opening quote) is exactly {@code plain}; if so,
   * reads it. Lets a caller that expects a name or value check it in the same pass that finds its
   * end.
   */
  boolean stringIs(Plain plain) {
    int n = plain.bytes.length;
    int s = pos + 1;
    if (s + 8 <= end) {
      if (((long) LONGS.get(buf, s) & plain.mask) != plain.head) {
        return false;
      }
      if (n < 8) {
        // The closing quote was part of the comparison.
        textStart = s;
        textEnd = s + n;
        textEscaped = false;
        pos = s + n + 1;
        return true;
      }
    }
    if (s + n >= end || buf[s + n] != '"') {
      return false;
    }
    byte[] b = plain.bytes;
    for (int k = 0; k < n; k++) {
      if (buf[s + k] != b[k]) {
        return false;
      }
    }
    textStart = s;
    textEnd = s + n;
    textEscaped = false;
    pos = s + n + 1;
    return true;
  }

  /** Whether {@code b} can stand for itself between quotes, so {@link #stringIs} may match it. */
  static boolean isPlain(byte[] b) {
    for (byte c : b) {
      if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
        return false;
      }
    }
    return true;
  }

  /** Reads a string (at its opening quote): sets {@link #textStart}, {@link #textEnd}. */
  void string() {
    byte[] b = buf;
    int start = pos + 1;
    int i = start;
    // Eight bytes at a time from the first, even for the short strings most of a line's are: a word
    // costs about what one byte does in a byte-at-a-time loop.
    while (true) {
      if (i + 8 > end) {
        while (i < end && !SPECIAL[b[i] & 0xff]) {
          i++;
        }
        break;
      }
      long marks = specials((long) LONGS.get(b, i));
      if (marks != 0) {
        i += Swar.firstMarkedByte(marks);
        break;
      }
      i += 8;
    }
    if (i < end && b[i] == '"') {
      textStart = start;
      textEnd = i;
      textEscaped = false;
      pos = i + 1;
      return;
    }
    stringWithEscapes(start, i);
  }

  /** The rest of a string from {@code i}: escapes, or an error. */
  private void stringWithEscapes(int start, int i) {
    byte[] b = buf;
    boolean escaped = false;
    while (true) {
      if (i >= end) {
        throw JSON;
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        i = escape(i);
      } else if (c >= 0 && c < 0x20) {
        throw JSON;
      } else {
        i++;
      }
    }
    textStart = start;
    textEnd = i;
    textEscaped = escaped;
    pos = i + 1;
  }

  /** The bytes that end the plain run of a string: quote, backslash, control characters. */
  private static final boolean[] SPECIAL = new boolean[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      SPECIAL[c] = true;
    }
    SPECIAL['"'] = true;
    SPECIAL['\\'] = true;
  }

  /**
   * The high bit of each of the eight bytes that is {@code "}, {@code \} or below 0x20, exact up to
   * the first such byte (bytes above it may be marked falsely, never below): its lowest set bit
   * marks the first.
   */
  private static long specials(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
    long zeroQuote = (quote - ONES) & ~quote;
    long zeroBackslash = (backslash - ONES) & ~backslash;
    long control = (w - 0x2020202020202020L) & ~w;
    return (zeroQuote | zeroBackslash | control) & HIGHS;
  }

  /** Checks the escape at {@code i} (a backslash); returns the index after it. */
  private int escape(int i) {
    if (i + 1 >= end) {
      throw JSON;
    }
    switch (buf[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        if (i + 6 > end) {
          throw JSON;
        }
        for (int k = i + 2; k < i + 6; k++) {
          if (hex(buf[k]) < 0) {
            throw JSON;
          }
        }
        return i + 6;
      }
      default -> throw JSON;
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * The UTF-8 length of a checked string's text once its escapes are decoded, as Jackson measured
   * names: each escaped UTF-16 unit on its own (1 to 3 bytes).
   */
  private int decodedUtf8Length(int from, int to) {
    int n = 0;
    for (int i = from; i < to; ) {
      if (buf[i] != '\\') {
        n++;
        i++;
      } else if (buf[i + 1] != 'u') {
        n++;
        i += 2;
      } else {
        int unit = hexUnit(i + 2);
        n += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        i += 6;
      }
    }
    return n;
  }

  private int hexUnit(int at) {
    return (hex(buf[at]) << 12)
        | (hex(buf[at + 1]) << 8)
        | (hex(buf[at + 2]) << 4)
        | hex(buf[at + 3]);
  }

  /** The text of the last string read, escapes decoded; checks the string-length limit. */
  String text() {
    if (!textEscaped) {
      if (textEnd - textStart > MAX_STRING_CHARS
          && utf16Length(textStart, textEnd) > MAX_STRING_CHARS) {
        throw LIMIT;
      }
      return new String(buf, textStart, textEnd - textStart, StandardCharsets.UTF_8);
    }
    char[] out = new char[textEnd - textStart];
    int n = 0;
    for (int i = textStart; i < textEnd; ) {
      byte c = buf[i];
      if (c != '\\') {
        // Copy the run up to the next escape as UTF-8.
        int run = i;
        while (run < textEnd && buf[run] != '\\') {
          run++;
        }
        String s = new String(buf, i, run - i, StandardCharsets.UTF_8);
        s.getChars(0, s.length(), out, n);
        n += s.length();
        i = run;
        continue;
      }
      char d =
          switch (buf[i + 1]) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> (char) hexUnit(i + 2);
            default -> (char) buf[i + 1];
          };
      out[n++] = d;
      i += buf[i + 1] == 'u' ? 6 : 2;
    }
    if (n > MAX_STRING_CHARS) {
      throw LIMIT;
    }
    return new String(out, 0, n);
  }

  private int utf16Length(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      int b = buf[i] & 0xff;
      if ((b & 0xC0) != 0x80) {
        n += b >= 0xF0 ? 2 : 1;
      }
    }
    return n;
  }

  /** Whether the last string read is exactly {@code ascii} (no escapes). */
  boolean textEquals(byte[] ascii) {
    int len = textEnd - textStart;
    if (textEscaped || len != ascii.length) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (buf[textStart + k] != ascii[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code true}, {@code false} or {@code null} (at its first letter); returns the byte. */
  byte literal() {
    byte c = buf[pos];
    // Bytes rather than a String's chars: String.charAt is a call with its own index check in the
    // C1-compiled code a sidecar runs, and a log has a boolean or two in every line.
    byte[] word = c == 't' ? TRUE : c == 'f' ? FALSE : c == 'n' ? NULL : null;
    if (word == null || pos + word.length > end) {
      throw JSON;
    }
    for (int k = 1; k < word.length; k++) {
      if (buf[pos + k] != word[k]) {
        throw JSON;
      }
    }
    pos += word.length;
    return c;
  }

  /**
   * Reads a number (at its sign or first digit): sets {@link #numberIsInteger} and {@link
   * #numberValue}. A root-level number must be followed by whitespace or the end.
   */
  void number(boolean root) {
    byte[] b = buf;
    int end = this.end;
    int start = pos;
    int i = pos;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    int intStart = i;
    long mantissa = 0;
    // A byte is read once and tested once per digit: one below '0' wraps around to a large char.
    // (Numbers are a third of a line's bytes, and C1 keeps every load and test it is given.)
    for (int d; i < end && (char) (d = b[i] - '0') <= 9; i++) {
      mantissa = mantissa * 10 + d;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || (b[intStart] == '0' && intDigits > 1)) {
      throw JSON;
    }
    int fracDigits = 0;
    if (i < end && b[i] == '.') {
      i++;
      int fracStart = i;
      for (int d; i < end && (char) (d = b[i] - '0') <= 9; i++) {
        mantissa = mantissa * 10 + d;
      }
      fracDigits = i - fracStart;
      if (fracDigits == 0) {
        throw JSON;
      }
    }
    int expDigits = 0;
    int exponent = 0;
    boolean hasExponent = i < end && (b[i] == 'e' || b[i] == 'E');
    if (hasExponent) {
      i++;
      boolean expNegative = false;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        expNegative = b[i] == '-';
        i++;
      }
      int expStart = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        if (exponent < 100_000) {
          exponent = exponent * 10 + (b[i] - '0');
        }
        i++;
      }
      expDigits = i - expStart;
      if (expDigits == 0) {
        throw JSON;
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    if (root && i < end && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') {
      throw JSON;
    }
    boolean integer = fracDigits == 0 && !hasExponent;
    if ((integer ? intDigits : intDigits + fracDigits + expDigits) > MAX_NUMBER_LENGTH) {
      throw LIMIT;
    }
    pos = i;
    numberStart = start;
    numberIsInteger = integer;
    numberValue =
        FastDoubles.value(
            b,
            start,
            i,
            negative,
            mantissa,
            intDigits + fracDigits,
            exponent - fracDigits,
            integer);
  }

  /**
   * Skips one value of any kind (at its first byte), checking it as strictly as if it were read.
   */
  void skipValue() {
    switch (peek()) {
      case '{' -> {
        enter();
        if (firstMember()) {
          do {
            name();
            skipValue();
          } while (more('}'));
        }
      }
      case '[' -> {
        enter();
        if (firstElement()) {
          do {
            skipValue();
          } while (more(']'));
        }
      }
      case '"' -> string();
      case 't', 'f', 'n' -> literal();
      case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(depth == 0);
      default -> throw JSON;
    }
  }
}
