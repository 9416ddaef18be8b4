package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static boolean valid(byte... bytes) {
    return Utf8.isValid(bytes, 0, bytes.length);
  }

  private static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void accepts_ascii_and_every_width_of_utf8() {
    assertThat(valid("{\"model\":\"fraud\",\"amount\":12.5}".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(valid("Zürich ₿ 🚀 日本".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(valid(b(0xf4, 0x8f, 0xbf, 0xbf))).as("U+10FFFF").isTrue();
  }

  @Test
  void rejects_what_rfc_3629_forbids() {
    assertThat(valid(b(0xff))).as("never valid").isFalse();
    assertThat(valid(b(0xc0, 0xaf))).as("overlong slash").isFalse();
    assertThat(valid(b(0xe0, 0x80, 0xaf))).as("overlong 3 bytes").isFalse();
    assertThat(valid(b(0xed, 0xa0, 0x80))).as("surrogate").isFalse();
    assertThat(valid(b(0xf4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isFalse();
    assertThat(valid(b(0xe2, 0x82))).as("truncated").isFalse();
    assertThat(valid(b(0x80))).as("lone continuation").isFalse();
    assertThat(valid(b('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0xc3))).isFalse();
  }

  @Test
  void checks_only_the_given_range() {
    byte[] buf = b(0xff, 'o', 'k', 0xff);
    assertThat(Utf8.isValid(buf, 1, 2)).isTrue();
    assertThat(Utf8.isValid(buf, 0, 2)).isFalse();
  }

  @Test
  void agrees_with_the_jdk_decoder_on_random_bytes() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      if (random.nextBoolean()) {
        for (int k = 0; k < bytes.length; k++) {
          bytes[k] &= (byte) (random.nextBoolean() ? 0x7f : 0xff);
        }
      }
      boolean jdk;
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        jdk = true;
      } catch (java.nio.charset.CharacterCodingException e) {
        jdk = false;
      }
      assertThat(valid(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(jdk);
    }
  }
}
