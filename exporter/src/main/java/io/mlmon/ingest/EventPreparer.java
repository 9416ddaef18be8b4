package io.mlmon.ingest;

/**
 * Work on a freshly parsed event that needs nothing but the event and the preparer's own state,
 * done where the line was parsed: on the parse worker for a batch of a large backlog, which takes
 * it off the ingest thread that applies every event in order. A sink makes one preparer per parser
 * and each is used by one thread at a time, so a preparer may keep caches without locks.
 */
@FunctionalInterface
public interface EventPreparer {
  EventPreparer NONE = event -> {};

  void prepare(ParsedEvent event);
}
