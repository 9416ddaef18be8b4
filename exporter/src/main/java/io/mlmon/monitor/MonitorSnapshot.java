package io.mlmon.monitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every model's state at one moment, and the values folded by cardinality limits. */
public record MonitorSnapshot(List<ModelSnapshot> models, Map<LimitKind, Long> cardinalityLimited) {
  public static final MonitorSnapshot EMPTY = new MonitorSnapshot(List.of(), Map.of());

  public MonitorSnapshot {
    models = List.copyOf(models);
    cardinalityLimited = Map.copyOf(cardinalityLimited);
  }

  public Optional<ModelSnapshot> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public long limited(LimitKind kind) {
    return cardinalityLimited.getOrDefault(kind, 0L);
  }
}
