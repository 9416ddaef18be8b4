package io.mlmon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric reference docs/metrics.md, read as data: every table row that names a metric, with its
 * type, labels and the section it is in. Tests hold the exporter, the alert rules and the
 * dashboards to it.
 */
public final class MetricsDoc {
  /** One documented metric family. */
  public record Entry(String name, String type, Set<String> labels, String section) {
    /** The names Prometheus stores for it. */
    public Set<String> seriesNames() {
      return type.equals("histogram")
          ? Set.of(name + "_bucket", name + "_sum", name + "_count")
          : Set.of(name);
    }
  }

  private MetricsDoc() {}

  /** Every documented metric by name, in the order of the page. */
  public static Map<String, Entry> read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(RepoRoot.resolve("docs/metrics.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    String section = "";
    for (String line : lines) {
      if (line.startsWith("## ")) {
        section = line.substring(3).trim();
      } else if (line.startsWith("| mlmon_")) {
        String[] cells = line.split("\\|", -1);
        String name = cells[1].trim();
        String type = cells[2].trim();
        Set<String> labels = new TreeSet<>();
        for (String l : cells[3].split(",")) {
          if (!l.isBlank()) {
            labels.add(l.trim());
          }
        }
        out.put(name, new Entry(name, type, labels, section));
      }
    }
    return out;
  }
}
