package io.mlmon.ingest;

/** A reusable window onto a parser's character buffer, to parse text without copying it. */
final class CharView implements CharSequence {
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
