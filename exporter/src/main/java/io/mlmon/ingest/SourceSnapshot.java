package io.mlmon.ingest;

import java.util.Map;
import java.util.Objects;

/** A source's reading and its rejected lines by reason, at one moment. */
public record SourceSnapshot(TailerSnapshot tailer, Map<Rejection, Long> rejected) {
  public SourceSnapshot {
    Objects.requireNonNull(tailer, "tailer");
    rejected = Map.copyOf(rejected);
  }

  public String source() {
    return tailer.source();
  }

  public long rejected(Rejection reason) {
    return rejected.getOrDefault(reason, 0L);
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }
}
