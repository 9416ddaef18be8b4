package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class NewlinesTest {
  @Property(seed = "20261126", tries = 3000)
  void finds_the_first_newline_like_a_byte_loop(
      @ForAll @Size(max = 100) byte @ByteRange(min = 8, max = 12) [] bytes,
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
}
