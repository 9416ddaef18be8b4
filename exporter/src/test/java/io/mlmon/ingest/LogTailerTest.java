package io.mlmon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTailerTest {
  @TempDir Path dir;

  /** A clock the test moves, so rescans and the orphan grace period happen on demand. */
  private long nanos = 1_000_000_000L;

  private final List<String> lines = new ArrayList<>();
  private final List<Long> tooLong = new ArrayList<>();

  private final LineHandler collect =
      new LineHandler() {
        @Override
        public void onLine(byte[] buf, int off, int len) {
          lines.add(new String(buf, off, len, UTF_8));
        }

        @Override
        public void onTooLong(long length) {
          tooLong.add(length);
        }
      };

  private LogTailer tailer(String pattern, StartPosition start, int maxLine) {
    return new LogTailer("test", dir.resolve(pattern), maxLine, start, () -> nanos);
  }

  private LogTailer tailer(String pattern) {
    return tailer(pattern, StartPosition.beginning(), 1 << 20);
  }

  /** Polls as the ingest loop would, after the rescan interval has passed. */
  private void poll(LogTailer t) {
    nanos += TimeUnit.MILLISECONDS.toNanos(300);
    while (t.poll(collect, 1 << 20) > 0) {
      // read until caught up
    }
  }

  private void append(String file, String text) throws IOException {
    Files.writeString(
        dir.resolve(file), text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void hands_on_complete_lines_and_holds_a_partial_one_until_its_newline() throws IOException {
    append("p.jsonl", "one\ntwo\nthr");
    LogTailer t = tailer("p.jsonl");
    poll(t);
    assertThat(lines).containsExactly("one", "two");
    append("p.jsonl", "ee\r\nfour\n\n");
    poll(t);
    assertThat(lines).containsExactly("one", "two", "three", "four");
    TailerSnapshot s = t.snapshot();
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.bytes()).isEqualTo(Files.size(dir.resolve("p.jsonl")));
    assertThat(s.offsetBytes()).isEqualTo(s.sizeBytes());
    assertThat(s.openFiles()).isEqualTo(1);
  }

  @Test
  void start_at_end_skips_what_was_there_but_reads_what_comes() throws IOException {
    append("p.jsonl", "old1\nold2\n");
    LogTailer t = tailer("p.jsonl", StartPosition.end(), 1 << 20);
    poll(t);
    assertThat(lines).isEmpty();
    append("p.jsonl", "new1\n");
    poll(t);
    assertThat(lines).containsExactly("new1");
  }

  @Test
  void a_file_created_after_start_is_read_from_its_beginning_even_with_start_at_end()
      throws IOException {
    LogTailer t = tailer("p.jsonl", StartPosition.end(), 1 << 20);
    poll(t);
    assertThat(t.snapshot().openFiles()).isZero();
    append("p.jsonl", "first\n");
    poll(t);
    assertThat(lines).containsExactly("first");
  }

  @Test
  void rename_rotation_finishes_the_old_file_including_late_writes() throws IOException {
    append("p.jsonl", "a1\na2\n");
    LogTailer t = tailer("p.jsonl");
    poll(t);
    // logrotate renames; the writer has not reopened yet and keeps writing to the old file.
    Files.move(dir.resolve("p.jsonl"), dir.resolve("p.jsonl.1"));
    append("p.jsonl.1", "a3\n");
    append("p.jsonl", "b1\n");
    poll(t);
    append("p.jsonl.1", "a4-late\n");
    append("p.jsonl", "b2\n");
    poll(t);
    assertThat(lines).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "a4-late", "b2");
    assertThat(lines.subList(0, 3)).containsExactly("a1", "a2", "a3");
    assertThat(t.snapshot().rotations()).isEqualTo(1);
    assertThat(t.snapshot().openFiles()).isEqualTo(2);

    nanos += LogTailer.ORPHAN_GRACE_NANOS;
    poll(t);
    assertThat(t.snapshot().openFiles()).as("old file closed once idle").isEqualTo(1);
    append("p.jsonl.1", "too-late\n");
    append("p.jsonl", "b3\n");
    poll(t);
    assertThat(lines).hasSize(7).contains("b3").doesNotContain("too-late");
  }

  @Test
  void copytruncate_restarts_at_zero_and_counts_a_rotation() throws IOException {
    append("p.jsonl", "a1\na2\n");
    LogTailer t = tailer("p.jsonl");
    poll(t);
    Files.copy(dir.resolve("p.jsonl"), dir.resolve("p.jsonl.1"));
    Files.write(dir.resolve("p.jsonl"), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
    append("p.jsonl", "b1\n");
    poll(t);
    assertThat(lines).containsExactly("a1", "a2", "b1");
    assertThat(t.snapshot().rotations()).isEqualTo(1);
  }

  @Test
  void new_files_matching_the_glob_are_followed() throws IOException {
    append("predictions-2026-11-25.jsonl", "d25\n");
    append("labels.jsonl", "not mine\n");
    LogTailer t = tailer("predictions-*.jsonl");
    poll(t);
    assertThat(lines).containsExactly("d25");
    append("predictions-2026-11-26.jsonl", "d26\n");
    append("predictions-2026-11-25.jsonl", "d25-more\n");
    poll(t);
    assertThat(lines).containsExactlyInAnyOrder("d25", "d26", "d25-more");
    assertThat(t.snapshot().openFiles()).isEqualTo(2);
    assertThat(t.snapshot().rotations()).isZero();
  }

  @Test
  void a_glob_reads_older_files_first() throws IOException {
    append("p-b.jsonl", "newer\n");
    append("p-a.jsonl", "older\n");
    Files.setLastModifiedTime(
        dir.resolve("p-a.jsonl"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    LogTailer t = tailer("p-*.jsonl");
    poll(t);
    assertThat(lines).containsExactly("older", "newer");
  }

  @Test
  void a_renamed_file_that_still_matches_the_glob_is_not_read_twice() throws IOException {
    append("p.jsonl", "x1\nx2\n");
    LogTailer t = tailer("p*.jsonl");
    poll(t);
    Files.move(dir.resolve("p.jsonl"), dir.resolve("p-old.jsonl"));
    append("p.jsonl", "y1\n");
    poll(t);
    assertThat(lines).containsExactly("x1", "x2", "y1");
    assertThat(t.snapshot().rotations()).isZero();
  }

  @Test
  void an_over_long_line_is_skipped_without_buffering_it_and_its_neighbours_survive()
      throws IOException {
    int max = 1 << 20;
    String big = "x".repeat(3 * max);
    append("p.jsonl", "before\n" + big.substring(0, max + 10));
    LogTailer t = tailer("p.jsonl", StartPosition.beginning(), max);
    poll(t);
    append("p.jsonl", big.substring(max + 10) + "\nafter\n" + "y".repeat(max + 1) + "\nend\n");
    poll(t);
    assertThat(lines).containsExactly("before", "after", "end");
    assertThat(tooLong).containsExactly((long) big.length(), (long) max + 1);
    assertThat(t.snapshot().lines()).isEqualTo(5);
  }

  @Test
  void a_line_of_exactly_the_limit_is_kept() throws IOException {
    append("p.jsonl", "z".repeat(100) + "\n" + "w".repeat(100) + "\r\n");
    LogTailer t = tailer("p.jsonl", StartPosition.beginning(), 100);
    poll(t);
    assertThat(lines).hasSize(2);
    assertThat(tooLong).isEmpty();
  }

  @Test
  void lines_across_read_chunks_are_reassembled() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; text.length() < 3_000_000; i++) {
      String line = i + ":" + "v".repeat(random.nextInt(2000));
      expected.add(line);
      text.append(line).append('\n');
    }
    append("p.jsonl", text.toString());
    LogTailer t = tailer("p.jsonl");
    poll(t);
    assertThat(lines).isEqualTo(expected);
  }

  @Test
  void a_missing_file_is_waited_for() throws IOException {
    LogTailer t = tailer("later/p.jsonl");
    poll(t);
    assertThat(t.snapshot().openFiles()).isZero();
    Files.createDirectories(dir.resolve("later"));
    append("later/p.jsonl", "hello\n");
    poll(t);
    assertThat(lines).containsExactly("hello");
  }

  @Test
  void flush_partial_lines_hands_on_a_last_line_without_newline() throws IOException {
    append("p.jsonl", "a\nb");
    LogTailer t = tailer("p.jsonl");
    poll(t);
    t.flushPartialLines(collect);
    assertThat(lines).containsExactly("a", "b");
  }

  @Test
  void line_boundary_offset_excludes_the_partial_line() throws IOException {
    append("p.jsonl", "abc\nde");
    LogTailer t = tailer("p.jsonl");
    poll(t);
    assertThat(t.lineBoundaryOffsets().values()).containsExactly(4L);
  }

  @ParameterizedTest
  @ValueSource(longs = {2026, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
  void random_appends_and_rename_rotations_lose_and_duplicate_nothing(long seed)
      throws IOException {
    Random random = new Random(seed);
    LogTailer t = tailer("live.jsonl");
    List<String> written = new ArrayList<>();
    int rotated = 0;
    Path writing = dir.resolve("live.jsonl");
    StringBuilder pending = new StringBuilder();
    boolean polledSinceRotation = false;
    for (int step = 0; step < 400; step++) {
      int op = random.nextInt(10);
      if (op < 6) {
        for (int k = random.nextInt(5); k >= 0; k--) {
          String line = "l" + written.size();
          written.add(line);
          pending.append(line).append('\n');
        }
        // Write a random prefix only: a line may be split across writes.
        int cut = random.nextInt(pending.length() + 1);
        Files.writeString(
            writing,
            pending.substring(0, cut),
            UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        pending.delete(0, cut);
      } else if (op < 8) {
        poll(t);
        polledSinceRotation = Files.exists(writing);
      } else if (op == 8 && polledSinceRotation && Files.exists(dir.resolve("live.jsonl"))) {
        // A file renamed away before the tailer ever saw it cannot be found (tail -F has the same
        // limit): a file lives at least one poll interval before it is rotated.
        polledSinceRotation = false;
        // Rotate: rename away; the writer finishes its partial line in the old file, then
        // moves to a new file.
        Path old = dir.resolve("live.jsonl." + (++rotated));
        Files.move(dir.resolve("live.jsonl"), old, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(old, pending.toString(), UTF_8, StandardOpenOption.APPEND);
        pending.setLength(0);
        writing = dir.resolve("live.jsonl");
      } else {
        nanos += LogTailer.ORPHAN_GRACE_NANOS / 3;
        poll(t);
        polledSinceRotation = Files.exists(writing);
      }
    }
    Files.writeString(
        writing, pending.toString(), UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    poll(t);
    assertThat(lines).containsExactlyInAnyOrderElementsOf(written);
    assertThat(t.snapshot().rotations()).isEqualTo(rotated);
  }
}
