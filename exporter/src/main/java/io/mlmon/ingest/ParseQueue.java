package io.mlmon.ingest;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.Stop;
import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Lines on their way from the tailers to the sink, in batches: filled on the ingest thread, parsed
 * (and prepared) by worker threads, applied in order on the ingest thread. One queue serves every
 * source: sources are polled one after another and each poll ends with {@link #drain}.
 *
 * <p>Workers take batches in order and parse them a {@link LineBatch#CHUNK_LINES chunk} at a time.
 * When too many batches are queued, the ingest thread joins in on the oldest, the one it must apply
 * next, chunk by chunk: so it never idles while there is parsing to do, it never holds a whole
 * batch the workers could have shared, and the split of the work balances itself on any number of
 * cores. (Taking whole batches instead left the one worker of a 2-core machine idle for a quarter
 * of a 1 GB replay, waiting while the ingest thread parsed a batch and then applied several.)
 * Without workers, a full batch is parsed and applied at once.
 */
public final class ParseQueue implements Closeable {
  /** Where the lines of a batch go, in order. */
  interface Applier {
    /**
     * Each event of a group of {@link LineBatch#PREFETCH_LINES} lines before any of them is applied
     * (see {@link EventSink#prefetch}).
     */
    void prefetch(ParsedEvent event);

    void prefetchDone();

    /**
     * A line: its event, or why it was rejected (the event is then null), and when it was read (the
     * batch's {@link #clockMillis} when it was sealed).
     */
    void apply(Rejection rejection, ParsedEvent event, long readMillis);

    /**
     * The wall clock, read once per batch: the lines of a batch were read together, and a read per
     * line cost ~22 ns, 76 ms of the ingest thread over a 1 GB replay.
     */
    long clockMillis();
  }

  /** Busy-wait steps (a few nanoseconds each) before parking, while a worker finishes a chunk. */
  private static final int SPINS_BEFORE_PARKING = 2_000;

  private static final long PARK_NANOS = 20_000;

  private final ExecutorService workers;
  private final BlockingQueue<LineBatch> toParse = new LinkedBlockingQueue<>();
  private final int maxQueued;
  private final EventParser parser;
  private final EventPreparer preparer;

  /** Batches handed over and not yet applied, oldest first. */
  private final ArrayDeque<LineBatch> queued = new ArrayDeque<>();

  /** Batches applied and free again. */
  private final ArrayDeque<LineBatch> free = new ArrayDeque<>();

  private LineBatch filling;

  private ParseQueue(int workerCount, EventParser prototype, EventSink sink) {
    this.maxQueued = 2 * (workerCount + 1);
    this.parser = prototype.sibling();
    this.preparer = sink.newPreparer();
    this.filling = new LineBatch();
    if (workerCount == 0) {
      workers = null;
      return;
    }
    workers = Executors.newFixedThreadPool(workerCount, new DaemonThreads("mlmon-parse"));
    for (int i = 0; i < workerCount; i++) {
      EventParser workerParser = prototype.sibling();
      EventPreparer workerPreparer = sink.newPreparer();
      workers.execute(() -> parseUntilInterrupted(workerParser, workerPreparer));
    }
  }

  /**
   * A queue with {@code workerCount} parse threads (none: parse on the calling thread).
   *
   * @param prototype a parser with the mapping and limits every thread's parser copies
   * @param sink gives each thread its preparer; its events are applied elsewhere
   */
  public static ParseQueue start(int workerCount, EventParser prototype, EventSink sink) {
    return new ParseQueue(workerCount, prototype, sink);
  }

  /** Whether a line of {@code len} bytes (-1: a too-long marker) fits in a batch at all. */
  static boolean fitsABatch(int len) {
    return len <= LineBatch.MAX_BYTES;
  }

  /**
   * Queues a line that {@link #fitsABatch fits a batch} ({@code ascii}: known to be all ASCII); may
   * apply earlier batches.
   */
  void add(byte[] buf, int off, int len, boolean ascii, Applier applier) {
    if (!filling.fits(len)) {
      handOff(applier);
    }
    filling.add(buf, off, len, ascii);
  }

  /** Queues a line too long to be read, to be counted in order. */
  void addTooLong(Applier applier) {
    if (!filling.fits(-1)) {
      handOff(applier);
    }
    filling.addTooLong();
  }

  /** Parses and applies every queued line, in order. */
  void drain(Applier applier) {
    while (!queued.isEmpty()) {
      applyOldest(applier);
    }
    if (!filling.isEmpty()) {
      filling.seal(applier.clockMillis());
      parseTheRest(filling);
      filling.applyTo(applier);
    }
  }

  private void handOff(Applier applier) {
    if (filling.isEmpty()) {
      return;
    }
    filling.seal(applier.clockMillis());
    if (workers == null) {
      parseTheRest(filling);
      filling.applyTo(applier);
      return;
    }
    queued.addLast(filling);
    if (!workers.isShutdown()) {
      toParse.add(filling); // after close, the ingest thread parses every batch as it applies it
    }
    while (!queued.isEmpty() && (queued.size() > maxQueued || queued.peekFirst().isParsed())) {
      applyOldest(applier);
    }
    filling = free.isEmpty() ? new LineBatch() : free.removeFirst();
  }

  /** Applies the oldest queued batch, parsing what no worker has claimed and awaiting the rest. */
  private void applyOldest(Applier applier) {
    LineBatch oldest = queued.removeFirst();
    parseTheRest(oldest);
    awaitParsed(oldest);
    oldest.applyTo(applier);
    free.addLast(oldest);
  }

  private void parseTheRest(LineBatch batch) {
    while (batch.parseAChunk(parser, preparer)) {
      // each call parses one chunk
    }
  }

  /**
   * Waits for the chunks workers still hold (a few dozen microseconds each) by parsing chunks of
   * later batches meanwhile: spinning instead took ~5% of the ingest thread of a 2-core replay.
   * With nothing left to parse, a short spin, then short parks in case a worker was descheduled.
   * Never interrupted: an interrupt meanwhile is kept for the ingest loop, which stops cleanly on
   * it, rather than abandoning a batch half applied.
   */
  private void awaitParsed(LineBatch batch) {
    // Only this thread queues batches, and a claimed chunk stays claimed: once none is left ahead,
    // none appears during this wait.
    boolean ahead = true;
    for (int spins = 0; !batch.isParsed(); ) {
      if (ahead && parseAChunkAhead()) {
        continue;
      }
      ahead = false;
      if (spins++ < SPINS_BEFORE_PARKING) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(PARK_NANOS);
      }
    }
  }

  /** Parses a chunk of the oldest queued batch that has one unclaimed; false if none has. */
  private boolean parseAChunkAhead() {
    for (LineBatch later : queued) {
      if (later.parseAChunk(parser, preparer)) {
        return true;
      }
    }
    return false;
  }

  /** A worker: parses chunks of the batches handed over, oldest first, until stopped. */
  private void parseUntilInterrupted(EventParser workerParser, EventPreparer workerPreparer) {
    try {
      while (true) {
        LineBatch batch = toParse.take();
        while (batch.parseAChunk(workerParser, workerPreparer)) {
          // each call parses one chunk
        }
      }
    } catch (InterruptedException e) {
      // stopped; batches left are parsed by the ingest thread when it applies them
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      Stop.now(workers, "parse workers");
    }
  }
}
