package io.mlmon.ingest;

/** Receives each event parsed from a source, on the ingest thread. */
public interface EventSink {
  /**
   * @param event valid only during the call (it is reused for the next line)
   * @param readTimeMillis when the line was read: the event time of events that carry none
   */
  void accept(ParsedEvent event, long readTimeMillis);

  /**
   * A new preparer for the events of one parser (see {@link EventPreparer}): whatever it attaches
   * to an event's features is there when the event is {@link #accept accepted}. Events reach {@link
   * #accept} prepared or not, so a sink must not rely on it.
   */
  default EventPreparer newPreparer() {
    return EventPreparer.NONE;
  }

  /**
   * Told of every event of a group of a few dozen, in order, before any of them is {@link #accept
   * accepted}, so the sink can start the memory loads they will need while the group is still
   * ahead; {@link #prefetchDone} follows the last one. Changes nothing a sink shows.
   */
  default void prefetch(ParsedEvent event) {}

  /** Ends a group of {@link #prefetch} calls. */
  default void prefetchDone() {}
}
