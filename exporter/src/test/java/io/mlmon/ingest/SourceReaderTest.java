package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog read with parse workers (batches parsed on other threads while earlier ones are
 * applied) gives the sink the same events in the same order, and counts the same rejections, as
 * reading it on one thread.
 */
class SourceReaderTest {
  @TempDir Path dir;

  private record Result(List<String> events, Map<Rejection, Long> rejected, long lines) {}

  private Result read(Path log, int workers, int maxLineBytes) {
    try (ParseQueue queue =
        ParseQueue.start(workers, new EventParser(FieldMapping.DEFAULTS, 20), (e, t) -> {})) {
      return read(log, queue, maxLineBytes);
    }
  }

  private Result read(Path log, ParseQueue queue, int maxLineBytes) {
    List<String> events = new ArrayList<>();
    SourceReader reader =
        new SourceReader(
            new LogTailer("t", log, maxLineBytes, StartPosition.beginning()),
            new EventParser(FieldMapping.DEFAULTS, 20),
            (event, readTime) ->
                events.add(event.model() + "/" + event.id() + "/" + event.features().count()),
            () -> 0L,
            queue);
    while (reader.poll(1 << 20) > 0) {
      // until caught up
    }
    reader.finish();
    SourceSnapshot snapshot = reader.snapshot();
    reader.close();
    return new Result(events, snapshot.rejected(), snapshot.tailer().lines());
  }

  /** A log of lines with only a model and an id, {@code prefix} followed by the line number. */
  private Path idLog(int lines, String prefix) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append("{\"model\":\"m\",\"id\":\"").append(prefix).append(i).append("\"}\n");
    }
    Path log = dir.resolve("events.jsonl");
    Files.writeString(log, b, StandardCharsets.UTF_8);
    return log;
  }

  /** A sink that drops every event, its events prepared by {@code preparer} on every thread. */
  private static EventSink preparingWith(EventPreparer preparer) {
    return new EventSink() {
      @Override
      public void accept(ParsedEvent event, long readTimeMillis) {}

      @Override
      public EventPreparer newPreparer() {
        return preparer;
      }
    };
  }

  private Path backlog(int lines, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      switch (random.nextInt(12)) {
        case 0 -> b.append("not json");
        case 1 -> b.append("{\"model\":\"m\",\"features\":{\"f\":1}"); // cut short
        case 2 -> b.append("{\"model\":\"m\",\"pad\":\"").append("x".repeat(5_000)).append("\"}");
        case 3 -> b.append("{\"model\":\"m\",\"pad\":\"").append("y".repeat(300_000)).append("\"}");
        case 4 -> {
          // Longer than max_line_bytes: a few are enough, and each costs 1.5 MB of disk.
          int length = i % 20 == 4 ? 1_500_000 : 10;
          b.append("{\"model\":\"m\",\"id\":\"").append("z".repeat(length)).append("\"}");
        }
        default -> {
          b.append("{\"model\":\"m").append(random.nextInt(3)).append("\",\"id\":\"tx-").append(i);
          b.append("\",\"features\":{");
          for (int f = 0; f < random.nextInt(30); f++) {
            b.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":").append(f * 0.5);
          }
          b.append("}}");
        }
      }
      b.append('\n');
    }
    b.append("{\"model\":\"last\",\"id\":\"no newline\"}");
    Path log = dir.resolve("log-" + seed + ".jsonl");
    Files.writeString(log, b, StandardCharsets.UTF_8);
    return log;
  }

  @Test
  void parse_workers_change_nothing_but_the_threads() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Path log = backlog(6_000, seed);
      Result alone = read(log, 0, 1 << 20);
      assertThat(read(log, 1, 1 << 20)).isEqualTo(alone);
      assertThat(read(log, 3, 1 << 20)).isEqualTo(alone);
      assertThat(alone.events()).hasSizeGreaterThan(4_000).last().asString().startsWith("last/");
      assertThat(alone.rejected().get(Rejection.TOO_LONG)).isPositive();
      assertThat(alone.rejected().get(Rejection.JSON)).isPositive();
    }
  }

  /**
   * Lines whose bytes are all ASCII skip the UTF-8 check (the newline scan saw their bytes); every
   * other line still gets it, wherever it sits among ASCII ones.
   */
  @Test
  void a_line_that_is_not_ascii_is_still_checked_among_ascii_ones() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int invalid = 0;
    for (int i = 0; i < 20_000; i++) {
      out.writeBytes(("{\"model\":\"m\",\"id\":\"tx-" + i + "\"").getBytes(StandardCharsets.UTF_8));
      if (i % 997 == 5) {
        out.writeBytes(",\"x\":\"".getBytes(StandardCharsets.UTF_8));
        out.write(0xc3); // a lead byte followed by no continuation byte
        out.write('(');
        out.write('"');
        invalid++;
      } else if (i % 1009 == 7) {
        out.writeBytes(",\"x\":\"été\"".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
      if (i % 1013 == 9) {
        out.write(0xff); // alone on its line, right after a newline
        out.write('\n');
        invalid++;
      }
    }
    Path log = dir.resolve("mixed.jsonl");
    Files.write(log, out.toByteArray());

    for (int workers : new int[] {0, 2}) {
      Result result = read(log, workers, 1 << 20);
      assertThat(result.events()).hasSize(20_000 - 21);
      assertThat(result.rejected()).containsEntry(Rejection.ENCODING, (long) invalid);
    }
  }

  @Test
  void lines_longer_than_a_batch_are_read_in_order() throws IOException {
    Path log = backlog(500, 7);
    assertThat(read(log, 3, 64 << 20)).isEqualTo(read(log, 0, 64 << 20));
  }

  @Test
  void sources_sharing_a_queue_each_get_their_own_lines() throws IOException {
    Path first = backlog(1_500, 11);
    Path second = backlog(1_500, 12);
    try (ParseQueue queue =
        ParseQueue.start(2, new EventParser(FieldMapping.DEFAULTS, 20), (e, t) -> {})) {
      assertThat(read(first, queue, 1 << 20)).isEqualTo(read(first, 0, 1 << 20));
      assertThat(read(second, queue, 1 << 20)).isEqualTo(read(second, 0, 1 << 20));
    }
  }

  @Test
  void the_reader_waits_for_the_chunks_a_slow_worker_still_holds() throws IOException {
    Path log = idLog(5_000, "tx-");
    // A worker takes milliseconds per chunk, so the reader, parsing the rest of the batch it must
    // apply next, finds chunks a worker still holds.
    EventSink slowOnWorkers =
        preparingWith(
            event -> {
              if (Thread.currentThread().getName().startsWith("mlmon-parse")) {
                LockSupport.parkNanos(100_000);
              }
            });
    try (ParseQueue queue =
        ParseQueue.start(2, new EventParser(FieldMapping.DEFAULTS, 20), slowOnWorkers)) {
      Result result = read(log, queue, 1 << 20);
      assertThat(result).isEqualTo(read(log, 0, 1 << 20));
      assertThat(result.events()).hasSize(5_000);
    }
  }

  @Test
  void while_a_worker_holds_a_chunk_the_reader_parses_later_batches() throws IOException {
    Path log = idLog(10 * LineBatch.MAX_LINES, "");
    // The worker holds its first chunk until the reader has parsed a line of a later batch than
    // that chunk's: a reader that only waited for the chunk would wait out the 10 s.
    Thread reader = Thread.currentThread();
    AtomicInteger furthestOnReader = new AtomicInteger(-1);
    AtomicBoolean released = new AtomicBoolean();
    AtomicBoolean heldOnce = new AtomicBoolean();
    EventSink holdingFirstChunk =
        preparingWith(
            event -> {
              int line = Integer.parseInt(event.id());
              if (Thread.currentThread() == reader) {
                furthestOnReader.accumulateAndGet(line, Math::max);
              } else if (heldOnce.compareAndSet(false, true)) {
                int nextBatch = (line / LineBatch.MAX_LINES + 1) * LineBatch.MAX_LINES;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (furthestOnReader.get() < nextBatch && System.nanoTime() < deadline) {
                  LockSupport.parkNanos(100_000);
                }
                released.set(furthestOnReader.get() >= nextBatch);
              }
            });
    try (ParseQueue queue =
        ParseQueue.start(1, new EventParser(FieldMapping.DEFAULTS, 20), holdingFirstChunk)) {
      Result result = read(log, queue, 1 << 20);
      assertThat(released).as("released by the reader's parsing ahead").isTrue();
      assertThat(result).isEqualTo(read(log, 0, 1 << 20));
    }
  }

  @Test
  void batches_left_by_stopped_workers_are_parsed_by_the_reader() throws IOException {
    Path log = backlog(1_500, 13);
    ParseQueue stopped =
        ParseQueue.start(2, new EventParser(FieldMapping.DEFAULTS, 20), (e, t) -> {});
    stopped.close();
    assertThat(read(log, stopped, 1 << 20)).isEqualTo(read(log, 0, 1 << 20));
  }

  @Test
  void lines_handed_over_outside_a_poll_are_applied_at_once() {
    List<String> models = new ArrayList<>();
    SourceReader reader =
        new SourceReader(
            new LogTailer("t", dir.resolve("none"), 1 << 20, StartPosition.beginning()),
            new EventParser(FieldMapping.DEFAULTS, 20),
            (event, readTime) -> models.add(event.model()),
            () -> 0L,
            ParseQueue.start(0, new EventParser(FieldMapping.DEFAULTS, 20), (e, t) -> {}));
    byte[] line = "{\"model\":\"direct\"}".getBytes(StandardCharsets.UTF_8);
    reader.onLine(line, 0, line.length);
    reader.onTooLong(5);
    assertThat(models).containsExactly("direct");
    assertThat(reader.snapshot().rejected(Rejection.TOO_LONG)).isEqualTo(1);
  }

  @Test
  void a_line_is_read_at_the_clock_reading_of_its_batch(@TempDir Path logs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      b.append("{\"model\":\"m\",\"id\":\"tx-").append(i).append("\"}\n");
    }
    Path log = logs.resolve("untimed.jsonl");
    Files.writeString(log, b.toString(), StandardCharsets.UTF_8);
    long[] clock = {1_000};
    List<Long> readTimes = new ArrayList<>();
    try (ParseQueue queue =
        ParseQueue.start(1, new EventParser(FieldMapping.DEFAULTS, 20), (e, t) -> {})) {
      SourceReader reader =
          new SourceReader(
              new LogTailer("t", log, 1 << 20, StartPosition.beginning()),
              new EventParser(FieldMapping.DEFAULTS, 20),
              (event, readTime) -> readTimes.add(readTime),
              () -> clock[0]++,
              queue);
      while (reader.poll(1 << 20) > 0) {
        // until caught up
      }
      reader.finish();
      reader.close();
    }

    assertThat(readTimes).hasSize(5_000).isSorted();
    // Each reading was handed to the lines of one batch, and there are far fewer batches than
    // lines.
    long readings = clock[0] - 1_000;
    assertThat(readings).isBetween(1L, 100L);
    assertThat(readTimes).allMatch(t -> t >= 1_000 && t < clock[0]);
    assertThat(readTimes.stream().distinct().count()).isEqualTo(readings);
  }
}
