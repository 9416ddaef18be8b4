package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The word-at-a-time paths of the scanner against byte-at-a-time answers, at every alignment and
 * near the end of the text, where they fall back to bytes.
 */
class JsonScannerTest {
  /** Plain bytes, a few special ones, and bytes of multi-byte UTF-8 characters (high bit set). */
  private static final byte[] ALPHABET = {
    'a', 'Z', '0', ' ', 0x7f, '\\', '"', 0x1f, 0x00, (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, '/',
  };

  @Property(seed = "20261126", tries = 5000)
  void a_string_ends_at_its_first_quote_backslash_or_control_byte(
      @ForAll @Size(max = 40) byte[] picks,
      @ForAll @IntRange(min = 0, max = 9) int offset,
      @ForAll @IntRange(min = 0, max = 12) int after) {
    // offset bytes of padding, the opening quote, the picked bytes, then `after` more bytes.
    byte[] line = new byte[offset + 1 + picks.length + after];
    Arrays.fill(line, (byte) 'x');
    line[offset] = '"';
    for (int k = 0; k < picks.length; k++) {
      line[offset + 1 + k] = ALPHABET[Math.floorMod(picks[k], ALPHABET.length)];
    }
    int first = -1;
    for (int i = offset + 1; i < line.length; i++) {
      int b = line[i] & 0xff;
      if (b == '"' || b == '\\' || b < 0x20) {
        first = i;
        break;
      }
    }
    JsonScanner in = new JsonScanner();
    in.reset(line, 0, line.length);
    in.pos = offset;
    if (first >= 0 && line[first] == '"') {
      in.string();
      assertThat(in.textStart).isEqualTo(offset + 1);
      assertThat(in.textEnd).isEqualTo(first);
      assertThat(in.textEscaped).isFalse();
      assertThat(in.pos).isEqualTo(first + 1);
    } else if (first < 0 || line[first] != '\\') {
      // No closing quote, or a control byte before it: not a string.
      assertThatThrownBy(in::string).isSameAs(JsonScanner.JSON);
    } else {
      // An escape first: the rest is read escape by escape (EventParserTest checks their text).
      try {
        in.string();
        assertThat(in.textStart).isEqualTo(offset + 1);
        assertThat(in.textEscaped).isTrue();
      } catch (JsonScanner.Reject r) {
        assertThat(r).isSameAs(JsonScanner.JSON);
      }
    }
  }

  @Property(seed = "20261126", tries = 5000)
  void skipping_text_matches_exactly_the_same_bytes(
      @ForAll("letters") byte[] text,
      @ForAll @IntRange(min = 0, max = 9) int offset,
      @ForAll @IntRange(min = 0, max = 12) int after,
      @ForAll @IntRange(min = -1, max = 19) int changed) {
    byte[] line = new byte[offset + text.length + after];
    Arrays.fill(line, (byte) 'x');
    System.arraycopy(text, 0, line, offset, text.length);
    boolean differs = changed >= 0 && changed < text.length;
    if (differs) {
      line[offset + changed] = (byte) (text[changed] + 1);
    }
    JsonScanner in = new JsonScanner();
    in.reset(line, 0, line.length);
    in.pos = offset;

    boolean skipped =
        in.skipText(text, Swar.word(text, 0, Math.min(8, text.length)), Swar.lowBytes(text.length));

    assertThat(skipped).isEqualTo(!differs);
    assertThat(in.pos).isEqualTo(differs ? offset : offset + text.length);
  }

  @Property(seed = "20261126", tries = 1000)
  void text_longer_than_what_is_left_is_not_skipped(
      @ForAll("nonEmptyLetters") byte[] text, @ForAll @IntRange(min = 1, max = 20) int cut) {
    int kept = Math.max(0, text.length - cut);
    byte[] line = Arrays.copyOf(text, text.length + 8);
    JsonScanner in = new JsonScanner();
    in.reset(line, 0, kept);

    assertThat(
            in.skipText(
                text, Swar.word(text, 0, Math.min(8, text.length)), Swar.lowBytes(text.length)))
        .isFalse();
    assertThat(in.pos).isZero();
  }

  /**
   * Texts of up to 20 bytes from a three-letter alphabet, so that they share prefixes (jqwik does
   * not apply a {@code @ByteRange} to the elements of a {@code byte[]}).
   */
  @Provide
  Arbitrary<byte[]> letters() {
    return letters(0);
  }

  @Provide
  Arbitrary<byte[]> nonEmptyLetters() {
    return letters(1);
  }

  private static Arbitrary<byte[]> letters(int minSize) {
    return Arbitraries.bytes()
        .between((byte) 'a', (byte) 'c')
        .array(byte[].class)
        .ofMinSize(minSize)
        .ofMaxSize(20);
  }
}
