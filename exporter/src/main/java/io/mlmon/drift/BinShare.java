package io.mlmon.drift;

import java.util.Objects;

/**
 * One bin of a feature: its label ({@code 00}, … or a category, {@code __other__}), the reference's
 * share q_i and the window's share p_i.
 */
public record BinShare(String label, double reference, double current) {
  public BinShare {
    Objects.requireNonNull(label, "label");
  }
}
