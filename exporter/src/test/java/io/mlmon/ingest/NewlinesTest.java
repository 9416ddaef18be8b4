package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class NewlinesTest {
  @Property(seed = "20261126", tries = 3000)
  void finds_the_first_newline_like_a_byte_loop(
      @ForAll("nearNewlines") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 100) int from,
      @ForAll @IntRange(min = 0, max = 100) int to) {
    int f = Math.min(from, bytes.length);
    int t = Math.max(f, Math.min(to, bytes.length));
    int expected = -1;
    for (int i = f; i < t; i++) {
      if (bytes[i] == '\n') {
        expected = i;
        break;
      }
    }
    Newlines newlines = new Newlines();
    assertThat(newlines.indexOf(bytes, f, t)).isEqualTo(expected);
    boolean allAscii = true;
    for (int i = f; i < (expected < 0 ? t : expected + 1); i++) {
      allAscii &= bytes[i] >= 0;
    }
    if (newlines.passedOnlyAscii()) {
      assertThat(allAscii).as("ASCII claimed for bytes that are not").isTrue();
    }
  }

  /** Every byte it read counts, up to the newline found, and asking starts over. */
  @Property(seed = "20261127", tries = 3000)
  void tells_whether_the_bytes_up_to_the_newline_were_ascii(
      @ForAll("nearNewlinesSomeHigh") byte[] bytes) {
    Newlines newlines = new Newlines();
    int from = 0;
    while (true) {
      int found = newlines.indexOf(bytes, from, bytes.length);
      int end = found < 0 ? bytes.length : found + 1;
      boolean allAscii = true;
      for (int i = from; i < end; i++) {
        allAscii &= bytes[i] >= 0;
      }
      boolean claimed = newlines.passedOnlyAscii();
      if (!allAscii) {
        assertThat(claimed).as("bytes %d..%d of %s", from, end, Arrays.toString(bytes)).isFalse();
      }
      if (allAscii && end - from >= 8 && end == bytes.length) {
        assertThat(claimed).isTrue(); // nothing beyond the bytes of the line was read
      }
      if (found < 0) {
        break;
      }
      from = found + 1;
    }
    assertThat(newlines.passedOnlyAscii()).isTrue(); // nothing read since the last answer
  }

  /**
   * Up to 100 bytes from 8 to 12, so that one in five is a newline (jqwik does not apply a
   * {@code @ByteRange} to the elements of a {@code byte[]}: random bytes held a newline once in
   * 256).
   */
  /** The same, with one byte in ten at or above 0x80. */
  @Provide
  Arbitrary<byte[]> nearNewlinesSomeHigh() {
    return Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.bytes().between((byte) 8, (byte) 12)),
            Tuple.of(1, Arbitraries.bytes().between((byte) 0x80, (byte) 0xff)))
        .array(byte[].class)
        .ofMaxSize(100);
  }

  @Provide
  Arbitrary<byte[]> nearNewlines() {
    return Arbitraries.bytes().between((byte) 8, (byte) 12).array(byte[].class).ofMaxSize(100);
  }
}
