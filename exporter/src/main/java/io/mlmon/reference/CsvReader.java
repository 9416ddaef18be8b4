package io.mlmon.reference;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of RFC 4180 CSV: fields separated by commas, optionally in double quotes (a quote inside
 * written twice; commas and line breaks allowed inside), records ended by CRLF, LF or CR. A leading
 * byte-order mark is dropped and empty lines are skipped. Strict otherwise: a quote inside an
 * unquoted field, text after a closing quote, or a quote left open at the end is a {@link
 * RowException} naming the line.
 */
final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private long recordLine;
  private boolean started;
  private final StringBuilder field = new StringBuilder();

  /** A field read character by character, handed over as chars. */
  private char[] scratch = new char[64];

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The line the last record returned started on (1-based). */
  long recordLine() {
    return recordLine;
  }

  /** Receives the fields of a record as they are read. */
  @FunctionalInterface
  interface FieldHandler {
    /**
     * Field {@code index} (0-based) of the record being read: {@code chars[start, end)}, valid only
     * during the call.
     */
    void field(int index, char[] chars, int start, int end);
  }

  /** The next record's fields, or null at the end. */
  List<String> next() throws IOException {
    List<String> fields = new ArrayList<>();
    int count =
        next((index, chars, start, end) -> fields.add(new String(chars, start, end - start)));
    return count < 0 ? null : fields;
  }

  /**
   * Reads the next record, handing each field to {@code handler} in order without making a string
   * of it: a reference's cells are mostly numbers, read from the chars.
   *
   * @return the record's field count, or -1 at the end
   */
  int next(FieldHandler handler) throws IOException {
    while (true) {
      int c = read();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        return -1;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
        continue;
      }
      recordLine = line;
      return record(c, handler);
    }
  }

  private int record(int first, FieldHandler handler) throws IOException {
    int index = 0;
    int c = first;
    while (true) {
      int start = pos - 1;
      if (unquotedInBuffer(c)) {
        handler.field(index, buf, start, pos);
        c = read();
      } else {
        field.setLength(0);
        if (c == '"') {
          c = quoted();
        } else {
          while (c != ',' && c != '\n' && c != '\r' && c != -1) {
            if (c == '"') {
              throw new RowException(line, "a quote inside an unquoted field");
            }
            field.append((char) c);
            c = read();
          }
        }
        int length = field.length();
        if (scratch.length < length) {
          scratch = new char[Math.max(length, 2 * scratch.length)];
        }
        field.getChars(0, length, scratch, 0);
        handler.field(index, scratch, 0, length);
      }
      index++;
      if (c == ',') {
        c = read();
        continue;
      }
      if (c != -1) {
        endOfLine(c);
      }
      return index;
    }
  }

  /**
   * Whether the usual field can be taken in one piece: an unquoted one starting with {@code c}
   * (just read, so at {@code buf[pos - 1]}) that ends before the buffer does. If so, leaves {@code
   * pos} at the delimiter. False, having read nothing, for any other field (empty, quoted, with a
   * stray quote, or running past the buffer), which the character-by-character path then reads.
   */
  private boolean unquotedInBuffer(int c) {
    if (c == '"' || c == ',' || c == '\n' || c == '\r' || c == -1) {
      return false;
    }
    for (int end = pos; end < len; end++) {
      char ch = buf[end];
      if (ch == ',' || ch == '\n' || ch == '\r') {
        pos = end;
        return true;
      }
      if (ch == '"') {
        return false;
      }
    }
    return false;
  }

  /** Reads a quoted field's text; returns the character after the closing quote. */
  private int quoted() throws IOException {
    long opened = line;
    while (true) {
      int c = read();
      if (c == -1) {
        throw new RowException(opened, "a quoted field is never closed");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          field.append('"');
          continue;
        }
        if (after != ',' && after != '\n' && after != '\r' && after != -1) {
          throw new RowException(line, "text after the closing quote of a field");
        }
        return after;
      }
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      field.append((char) c);
    }
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }
}
