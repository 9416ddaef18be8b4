package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SwarTest {
  private static final long HIGHS = 0x8080808080808080L;

  @Property(seed = "20261127", tries = 3000)
  void the_first_marked_byte_is_the_lowest_set_bit_in_bytes(@ForAll long bits) {
    long marks = bits & HIGHS;
    if (marks != 0) {
      assertThat(Swar.firstMarkedByte(marks)).isEqualTo(Long.numberOfTrailingZeros(marks) >>> 3);
    }
  }

  /** A word read byte by byte is the word read at once, masked to its bytes. */
  @Property(seed = "20261127", tries = 3000)
  void a_word_read_byte_by_byte_is_the_masked_word(@ForAll long value, @ForAll byte length) {
    int len = Math.floorMod(length, 9);
    byte[] b = new byte[10];
    for (int k = 0; k < 8; k++) {
      b[1 + k] = (byte) (value >>> (8 * k));
    }
    assertThat(Swar.word(b, 1, len)).isEqualTo(value & Swar.lowBytes(len));
  }

  @Test
  void every_single_mark_and_every_mark_above_a_lower_one() {
    for (int k = 0; k < 8; k++) {
      long mark = 0x80L << (8 * k);
      assertThat(Swar.firstMarkedByte(mark)).isEqualTo(k);
      assertThat(Swar.firstMarkedByte(mark | (HIGHS & -(mark << 1)))).isEqualTo(k);
    }
  }
}
