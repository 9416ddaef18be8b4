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

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The line the last record returned started on (1-based). */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end. */
  List<String> next() throws IOException {
    while (true) {
      int c = read();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
        continue;
      }
      recordLine = line;
      return record(c);
    }
  }

  private List<String> record(int first) throws IOException {
    List<String> fields = new ArrayList<>();
    int c = first;
    while (true) {
      String inBuffer = unquotedInBuffer(c);
      if (inBuffer != null) {
        fields.add(inBuffer);
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
        fields.add(field.toString());
      }
      if (c == ',') {
        c = read();
        continue;
      }
      if (c != -1) {
        endOfLine(c);
      }
      return fields;
    }
  }

  /**
   * The usual field, taken in one piece: an unquoted one starting with {@code c} (just read, so at
   * {@code buf[pos - 1]}) that ends before the buffer does. Leaves {@code pos} at the delimiter.
   * Null, having read nothing, for any other field (empty, quoted, with a stray quote, or running
   * past the buffer), which the character-by-character path then reads.
   */
  private String unquotedInBuffer(int c) {
    if (c == '"' || c == ',' || c == '\n' || c == '\r' || c == -1) {
      return null;
    }
    int start = pos - 1;
    int end = pos;
    while (end < len) {
      char ch = buf[end];
      if (ch == ',' || ch == '\n' || ch == '\r') {
        pos = end;
        return new String(buf, start, end - start);
      }
      if (ch == '"') {
        return null;
      }
      end++;
    }
    return null;
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
