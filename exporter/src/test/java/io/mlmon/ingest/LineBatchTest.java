package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmon.config.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A sealed batch's lines are parsed exactly once, in chunks, however many threads claim them, and
 * what is applied is what one thread parsing every line alone would give.
 */
class LineBatchTest {
  private static final int THREADS = 4;

  /** What a batch applies, line by line. */
  private static final class Recorder implements ParseQueue.Applier {
    final List<String> lines = new ArrayList<>();

    /** Ids prefetched since the last prefetchDone, and those of the last group done. */
    final List<String> prefetching = new ArrayList<>();

    final List<String> prefetched = new ArrayList<>();
    int largestGroup;

    @Override
    public void prefetch(ParsedEvent event) {
      prefetching.add(event.id());
    }

    @Override
    public void prefetchDone() {
      largestGroup = Math.max(largestGroup, prefetching.size());
      prefetched.clear();
      prefetched.addAll(prefetching);
      prefetching.clear();
    }

    @Override
    public void apply(Rejection rejection, ParsedEvent event, long readMillis) {
      lines.add(rejection != null ? rejection.name() : event.model() + "/" + event.id());
      if (event != null && !prefetched.contains(event.id())) {
        lines.add("not prefetched just before: " + event.id());
      }
    }

    @Override
    public long clockMillis() {
      return 0;
    }
  }

  private static EventParser parser() {
    return new EventParser(FieldMapping.DEFAULTS, 20);
  }

  /** {@code count} lines, every seventh one not JSON, with the given id prefix. */
  private static void fill(LineBatch batch, int count, String prefix) {
    for (int i = 0; i < count; i++) {
      String line =
          i % 7 == 3
              ? "not json " + i
              : "{\"model\":\"m" + (i % 3) + "\",\"id\":\"" + prefix + i + "\"}";
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      batch.add(bytes, 0, bytes.length, i % 2 == 0);
    }
  }

  private static List<String> expected(int count, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(i % 7 == 3 ? Rejection.JSON.name() : "m" + (i % 3) + "/" + prefix + i);
    }
    return out;
  }

  private static List<String> applied(LineBatch batch) {
    Recorder recorder = new Recorder();
    batch.applyTo(recorder);
    return recorder.lines;
  }

  @Test
  void threads_claiming_at_once_parse_each_line_once() throws InterruptedException {
    for (int round = 0; round < 50; round++) {
      LineBatch batch = new LineBatch();
      fill(batch, LineBatch.MAX_LINES, "r" + round + "-");
      batch.seal(0);
      AtomicInteger prepared = new AtomicInteger();
      AtomicInteger claims = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        EventParser parser = parser();
        Thread thread =
            new Thread(
                () -> {
                  awaitQuietly(start);
                  while (batch.parseAChunk(parser, event -> prepared.incrementAndGet())) {
                    claims.incrementAndGet();
                  }
                });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(batch.isParsed()).isTrue();
      assertThat(claims.get()).isEqualTo(LineBatch.MAX_LINES / LineBatch.CHUNK_LINES);
      List<String> expected = expected(LineBatch.MAX_LINES, "r" + round + "-");
      assertThat(prepared.get())
          .isEqualTo(expected.stream().filter(s -> !s.equals("JSON")).count());
      assertThat(applied(batch)).isEqualTo(expected);
    }
  }

  @Test
  void events_are_prefetched_a_few_at_a_time_just_before_they_are_applied() {
    LineBatch batch = new LineBatch();
    fill(batch, LineBatch.MAX_LINES, "p");
    batch.seal(0);
    EventParser parser = parser();
    while (batch.parseAChunk(parser, EventPreparer.NONE)) {
      // every chunk, on this thread
    }
    Recorder recorder = new Recorder();

    batch.applyTo(recorder);

    // Each event was in the group prefetched last before it was applied (else a line says so).
    assertThat(recorder.lines).isEqualTo(expected(LineBatch.MAX_LINES, "p"));
    assertThat(recorder.largestGroup).isBetween(1, LineBatch.PREFETCH_LINES);
  }

  @Test
  void a_batch_is_parsed_only_once_every_chunk_is_done() {
    LineBatch batch = new LineBatch();
    fill(batch, 3 * LineBatch.CHUNK_LINES + 1, "x");
    batch.seal(0);
    EventParser parser = parser();
    for (int chunk = 0; chunk < 4; chunk++) {
      assertThat(batch.isParsed()).isFalse();
      assertThat(batch.parseAChunk(parser, EventPreparer.NONE)).isTrue();
    }
    assertThat(batch.isParsed()).isTrue();
    assertThat(batch.parseAChunk(parser, EventPreparer.NONE)).isFalse();
    assertThat(applied(batch)).isEqualTo(expected(3 * LineBatch.CHUNK_LINES + 1, "x"));
  }

  @Test
  void a_late_claim_on_a_batch_filled_again_parses_the_new_lines() {
    LineBatch batch = new LineBatch();
    EventParser parser = parser();
    fill(batch, 100, "old");
    batch.seal(0);
    while (batch.parseAChunk(parser, EventPreparer.NONE)) {
      // every chunk, on this thread
    }
    // A worker that took the batch from the queue but had not claimed yet fails, leaving it as is.
    assertThat(batch.parseAChunk(parser(), EventPreparer.NONE)).isFalse();
    assertThat(applied(batch)).isEqualTo(expected(100, "old"));

    fill(batch, 70, "new");
    assertThat(batch.parseAChunk(parser, EventPreparer.NONE)).isFalse(); // not sealed yet
    batch.seal(0);
    // The late worker claims now: a chunk of the new lines, counted toward the new batch.
    assertThat(batch.parseAChunk(parser(), EventPreparer.NONE)).isTrue();
    assertThat(batch.isParsed()).isFalse();
    while (batch.parseAChunk(parser, EventPreparer.NONE)) {
      // the rest
    }
    assertThat(batch.isParsed()).isTrue();
    assertThat(applied(batch)).isEqualTo(expected(70, "new"));
  }

  @Test
  void an_error_while_parsing_is_raised_when_the_batch_is_applied() {
    LineBatch batch = new LineBatch();
    fill(batch, 40, "e");
    batch.seal(0);
    EventParser parser = parser();
    AtomicInteger calls = new AtomicInteger();
    EventPreparer failing =
        event -> {
          if (calls.incrementAndGet() == 5) {
            throw new IllegalArgumentException("boom");
          }
        };
    while (batch.parseAChunk(parser, failing)) {
      // both chunks, the failing one included
    }
    assertThat(batch.isParsed()).isTrue();
    assertThatThrownBy(() -> applied(batch))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parsing a batch of lines failed")
        .hasRootCauseMessage("boom");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
