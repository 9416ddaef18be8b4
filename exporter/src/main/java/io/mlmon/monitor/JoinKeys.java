package io.mlmon.monitor;

import io.mlmon.ingest.ParsedEvent;
import io.mlmon.quality.PredictionKey;

/**
 * The (model, id) join key of an event, hashed from the id's bytes in the line when it can be, with
 * the model name's part hashed once per model rather than per event. One per thread.
 */
final class JoinKeys {
  private String keyModel;
  private long keyPrefix;

  /** Whether the event takes part in a join: a prediction, or a label without its own decision. */
  static boolean joins(ParsedEvent event) {
    return event.hasId() && (!event.isLabel() || event.flagged() == ParsedEvent.ABSENT);
  }

  /** The event's key: the one attached where it was parsed, else hashed now. */
  long of(ParsedEvent event) {
    if (event.hasJoinKey()) {
      return event.joinKey();
    }
    byte[] id = event.idBytes();
    if (id == null) {
      return PredictionKey.of(event.model(), event.id());
    }
    String name = event.model();
    if (name != keyModel) {
      keyPrefix = PredictionKey.prefix(name);
      keyModel = name;
    }
    return PredictionKey.of(keyPrefix, id, event.idOffset(), event.idLength());
  }

  /** Attaches the key to an event that {@link #joins}. */
  void attach(ParsedEvent event) {
    if (joins(event)) {
      event.attachJoinKey(of(event));
    }
  }
}
