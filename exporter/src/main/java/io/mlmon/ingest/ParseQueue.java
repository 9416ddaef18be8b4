package io.mlmon.ingest;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.Stop;
import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Lines on their way from the tailers to the sink, in batches: filled on the ingest thread, parsed
 * (and prepared) by worker threads, applied in order on the ingest thread. One queue serves every
 * source: sources are polled one after another and each poll ends with {@link #drain}, so the
 * batches, each with its own parser and preparer, are made once for the process.
 *
 * <p>When too many batches are queued, the ingest thread parses queued batches no worker has
 * started, newest first, before it waits for the oldest: so it never idles while there is parsing
 * to do, and the split of the work between the threads balances itself on any number of cores.
 * Without workers, a full batch is parsed and applied at once.
 */
public final class ParseQueue implements Closeable {
  /** Where the lines of a batch go, in order. */
  interface Applier {
    /** Each event of a batch before any is applied (see {@link EventSink#prefetch}). */
    void prefetch(ParsedEvent event);

    void prefetchDone();

    /** A line: its event, or why it was rejected (the event is then null). */
    void apply(Rejection rejection, ParsedEvent event);
  }

  private record Queued(LineBatch batch, FutureTask<Void> parse) {}

  private final ExecutorService workers;
  private final int maxQueued;
  private final EventParser prototype;
  private final EventSink sink;
  private final ArrayDeque<Queued> queued = new ArrayDeque<>();

  /** Batches applied and free again; each keeps its parser and preparer. */
  private final ArrayDeque<LineBatch> free = new ArrayDeque<>();

  private LineBatch filling;

  private ParseQueue(
      ExecutorService workers, int workerCount, EventParser prototype, EventSink sink) {
    this.workers = workers;
    this.maxQueued = 2 * (workerCount + 1);
    this.prototype = prototype;
    this.sink = sink;
    this.filling = newBatch();
  }

  /**
   * A queue with {@code workerCount} parse threads (none: parse on the calling thread).
   *
   * @param prototype a parser with the mapping and limits every batch's parser copies
   * @param sink gives each batch its preparer; its events are applied elsewhere
   */
  public static ParseQueue start(int workerCount, EventParser prototype, EventSink sink) {
    ExecutorService workers = null;
    if (workerCount > 0) {
      // A task discarded at shutdown is still run, by the ingest thread (see applyOldest).
      workers =
          new ThreadPoolExecutor(
              workerCount,
              workerCount,
              0,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              new DaemonThreads("mlmon-parse"),
              new ThreadPoolExecutor.DiscardPolicy());
    }
    return new ParseQueue(workers, workerCount, prototype, sink);
  }

  /** Whether a line of {@code len} bytes (-1: a too-long marker) fits in a batch at all. */
  static boolean fitsABatch(int len) {
    return len <= LineBatch.MAX_BYTES;
  }

  /** Queues a line that {@link #fitsABatch fits a batch}; may apply earlier batches. */
  void add(byte[] buf, int off, int len, Applier applier) {
    if (!filling.fits(len)) {
      handOff(applier);
    }
    filling.add(buf, off, len);
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
      filling.parse();
      filling.applyTo(applier);
    }
  }

  private void handOff(Applier applier) {
    if (filling.isEmpty()) {
      return;
    }
    if (workers == null) {
      filling.parse();
      filling.applyTo(applier);
      return;
    }
    FutureTask<Void> parse = new FutureTask<>(filling::parse, null);
    queued.addLast(new Queued(filling, parse));
    workers.execute(parse);
    while (!queued.isEmpty() && queued.peekFirst().parse().isDone()) {
      applyOldest(applier);
    }
    while (queued.size() > maxQueued) {
      if (!parseOneQueued()) {
        applyOldest(applier);
      }
      while (!queued.isEmpty() && queued.peekFirst().parse().isDone()) {
        applyOldest(applier);
      }
    }
    filling = free.isEmpty() ? newBatch() : free.removeFirst();
  }

  /** Parses the newest queued batch no worker has started, if any; whether it found one. */
  private boolean parseOneQueued() {
    for (Iterator<Queued> it = queued.descendingIterator(); it.hasNext(); ) {
      FutureTask<Void> parse = it.next().parse();
      if (!parse.isDone()) {
        parse.run(); // does nothing when a worker runs it already
        if (parse.isDone()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Applies the oldest queued batch once parsed (parsing it here if no worker has started it). */
  private void applyOldest(Applier applier) {
    Queued oldest = queued.removeFirst();
    oldest.parse().run();
    awaitUninterruptibly(oldest.parse());
    oldest.batch().applyTo(applier);
    free.addLast(oldest.batch());
  }

  /**
   * A worker finishes a batch within milliseconds; an interrupt meanwhile is kept for the ingest
   * loop, which stops cleanly on it, rather than abandoning a batch half applied.
   */
  private static void awaitUninterruptibly(FutureTask<Void> parse) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          parse.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("parsing a batch of lines failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private LineBatch newBatch() {
    return new LineBatch(prototype.sibling(), sink.newPreparer());
  }

  @Override
  public void close() {
    if (workers != null) {
      Stop.now(workers, "parse workers");
    }
  }
}
