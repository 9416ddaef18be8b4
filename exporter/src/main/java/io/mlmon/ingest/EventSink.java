package io.mlmon.ingest;

/** Receives each event parsed from a source, on the ingest thread. */
@FunctionalInterface
public interface EventSink {
  /**
   * @param event valid only during the call (it is reused for the next line)
   * @param readTimeMillis when the line was read: the event time of events that carry none
   */
  void accept(ParsedEvent event, long readTimeMillis);
}
