package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pool gives back the text of the bytes asked for, and the same instance while it holds it. */
class StringPoolTest {
  /** The bytes of {@code text} inside a larger array, as a line holds them. */
  private static String lookUp(StringPool pool, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, line, 3, bytes.length);
    return pool.get(line, 3, bytes.length);
  }

  @Test
  void the_same_bytes_give_the_same_instance() {
    StringPool pool = new StringPool(64, 1000);
    for (String text : new String[] {"", "ES", "web", "fraud-model-v2", "x".repeat(40), "é€"}) {
      String first = lookUp(pool, text);
      assertThat(first).isEqualTo(text);
      assertThat(lookUp(pool, text)).isSameAs(first);
    }
  }

  /**
   * A text shorter than a word is matched as one word where 8 bytes can be read, byte by byte
   * elsewhere: either way it is the same entry, whatever bytes follow it.
   */
  @Test
  void a_short_text_is_one_entry_wherever_it_sits_and_whatever_follows_it() {
    StringPool pool = new StringPool(64, 1000);
    for (String text : new String[] {"", "E", "ES", "web", "fraud", "v1.2.3", "abcdefg"}) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      byte[] atEnd = new byte[bytes.length + 2];
      System.arraycopy(bytes, 0, atEnd, 2, bytes.length);
      String first = pool.get(atEnd, 2, bytes.length);
      for (String after : new String[] {"\",\"f01\":1.5}", "\"}", "zzzzzzzzzz"}) {
        byte[] inLine = (text + after).getBytes(StandardCharsets.UTF_8);
        assertThat(pool.get(inLine, 0, bytes.length)).as(text + after).isSameAs(first);
      }
      assertThat(pool.get(atEnd, 2, bytes.length)).isSameAs(first);
    }
  }

  /** The one-word path hashes to the slot the general one does, or it would only ever miss. */
  @Test
  void the_short_hash_is_the_hash() {
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      byte[] line = new byte[24];
      random.nextBytes(line);
      int off = random.nextInt(8);
      int len = random.nextInt(8);
      assertThat(StringPool.shortHash(StringPool.shortKey(line, off, len), len))
          .isEqualTo(StringPool.hash(line, off, len));
      assertThat(StringPool.shortKey(line, off, len))
          .isEqualTo(StringPool.shortKey(Arrays.copyOfRange(line, off, off + len), 0, len));
    }
  }

  @Test
  void different_bytes_never_share_an_entry() {
    // A tiny pool: many texts of equal length collide on a slot and must not be taken for another.
    StringPool pool = new StringPool(2, 1000);
    Random random = new Random(1);
    Map<String, Integer> asked = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      int length = 1 + random.nextInt(24); // both sides of the plain-loop limit
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < length; k++) {
        text.append((char) ('a' + random.nextInt(3)));
      }
      assertThat(lookUp(pool, text.toString())).isEqualTo(text.toString());
      asked.merge(text.toString(), 1, Integer::sum);
    }
    assertThat(asked.values()).anyMatch(n -> n > 1); // repeats happened, so hits were checked
  }

  @Test
  void texts_longer_than_the_limit_are_decoded_each_time() {
    StringPool pool = new StringPool(64, 8);
    String first = lookUp(pool, "longer than eight");
    assertThat(first).isEqualTo("longer than eight");
    assertThat(lookUp(pool, "longer than eight")).isNotSameAs(first).isEqualTo(first);
  }
}
