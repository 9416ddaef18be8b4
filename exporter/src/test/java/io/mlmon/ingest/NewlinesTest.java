package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
    assertThat(Newlines.indexOf(bytes, f, t)).isEqualTo(expected);
  }

  /**
   * Up to 100 bytes from 8 to 12, so that one in five is a newline (jqwik does not apply a
   * {@code @ByteRange} to the elements of a {@code byte[]}: random bytes held a newline once in
   * 256).
   */
  @Provide
  Arbitrary<byte[]> nearNewlines() {
    return Arbitraries.bytes().between((byte) 8, (byte) 12).array(byte[].class).ofMaxSize(100);
  }
}
