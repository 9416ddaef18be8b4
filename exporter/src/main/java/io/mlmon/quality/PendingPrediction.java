package io.mlmon.quality;

/**
 * A prediction as remembered for its label: which model and version made it, its decision ({@link
 * #flagged} is -1 when unknown), its score (NaN when none) and event time.
 */
public record PendingPrediction(
    int model, int version, byte flagged, float score, long timeMillis) {
  public boolean hasDecision() {
    return flagged >= 0;
  }
}
