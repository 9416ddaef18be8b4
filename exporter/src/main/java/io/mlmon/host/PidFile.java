package io.mlmon.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** A pid file: read separately from parsing it, and the parser is pure. */
public final class PidFile {
  /** Enough for any pid and a trailing line or two; a larger file is not a pid file. */
  static final int MAX_BYTES = 256;

  private PidFile() {}

  /**
   * The pid in a pid file's text: a positive decimal number on the first line, optionally
   * surrounded by blanks; later lines (some daemons add a port) are ignored. Empty for anything
   * else, which counts as "no process".
   */
  public static OptionalInt parse(String text) {
    String first = text;
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl);
    }
    first = first.strip();
    if (first.isEmpty() || first.length() > 10) {
      return OptionalInt.empty();
    }
    long pid = 0;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      pid = pid * 10 + (c - '0');
    }
    return pid > 0 && pid <= Integer.MAX_VALUE ? OptionalInt.of((int) pid) : OptionalInt.empty();
  }

  /** Reads and parses the file; empty when it is missing, unreadable or not a pid file. */
  public static OptionalInt read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        return OptionalInt.empty();
      }
      return parse(new String(bytes, StandardCharsets.US_ASCII));
    } catch (IOException | SecurityException e) {
      return OptionalInt.empty();
    }
  }
}
