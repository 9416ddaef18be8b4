package io.mlmon.http;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes metric snapshots as Prometheus text (0.0.4) or OpenMetrics 1.0 text, byte for byte as the
 * Prometheus client's own writers do, several times faster on mlmon's large and steady families.
 *
 * <p>A scrape of 5 models × 100 features is 12,000 lines. The client's writers render every line
 * from scratch through a {@code Writer} and a charset encoder, and print every value with {@code
 * Double.toString}; that was three quarters of a scrape. Here the {@code name{labels} } prefix of
 * each line is rendered once and reused while the same {@link Labels} instance comes back at the
 * same place (mlmon's collectors keep their label sets between scrapes), a value that has not
 * changed reuses its text, whole numbers are printed without {@code Double.toString}, and bytes go
 * straight into an array. Each family's {@code # HELP}/{@code # TYPE} header comes from the
 * client's writer, and so does every family this class does not write itself (summaries, state
 * sets, anything with exemplars or timestamps, names that need quoting or escaping): those are
 * exactly the client's output.
 *
 * <p>Both formats print the same {@code name{labels} } prefixes and values, so one instance serves
 * both from one cache. Scrapes share the caches, so {@link #write} is synchronized; a scrape takes
 * a few milliseconds.
 */
public final class TextExposition {
  /** The two text formats, each with the client's writer for its headers and the families left. */
  public enum Format {
    PROMETHEUS_TEXT(PrometheusTextFormatWriter.create()),
    OPENMETRICS(OpenMetricsTextFormatWriter.create());

    private final ExpositionFormatWriter client;

    Format(ExpositionFormatWriter client) {
      this.client = client;
    }
  }

  /** The format of the write in progress. */
  private Format format = Format.PROMETHEUS_TEXT;

  private final Map<HeaderKey, byte[]> headers = new HashMap<>();
  private final Map<String, Lines> linesByFamily = new HashMap<>();
  private final Bytes out = new Bytes(1 << 16);

  /** The families the last scrape left to the client's writer (for tests). */
  private final List<String> leftToClient = new ArrayList<>();

  /**
   * Writes the whole exposition of {@code snapshots} in {@code format}, as the client's writer for
   * it would write it, to {@code to}, which should be a buffer: the write holds the lock the
   * scrapes share.
   */
  public synchronized void write(
      MetricSnapshots snapshots, EscapingScheme escaping, Format format, OutputStream to)
      throws IOException {
    render(snapshots, escaping, format);
    to.write(out.buf, 0, out.size);
  }

  private void render(MetricSnapshots snapshots, EscapingScheme escaping, Format format)
      throws IOException {
    this.format = format;
    out.reset();
    leftToClient.clear();
    if (headers.size() > 10_000 || linesByFamily.size() > 10_000) {
      // Families come and go only with configuration; this bounds the caches all the same.
      headers.clear();
      linesByFamily.clear();
    }
    for (MetricSnapshot family : snapshots) {
      if (family.getDataPoints().isEmpty()) {
        continue;
      }
      int start = out.size();
      if (!writeFamily(family, escaping)) {
        out.truncate(start);
        leftToClient.add(family.getMetadata().getName());
        out.write(clientBytes(family, escaping));
      }
    }
    if (format == Format.OPENMETRICS) {
      out.writeAscii("# EOF\n");
    }
  }

  synchronized List<String> leftToClient() {
    return List.copyOf(leftToClient);
  }

  /** Writes a family the fast way; false (after writing part of it) when this class cannot. */
  private boolean writeFamily(MetricSnapshot family, EscapingScheme escaping) throws IOException {
    String name = family.getMetadata().getName();
    if (escaping == EscapingScheme.DOTS_ESCAPING || !isPlainName(name)) {
      // Dots escaping rewrites even plain names ('_' becomes '__').
      return false;
    }
    if (!(family instanceof CounterSnapshot
        || family instanceof GaugeSnapshot
        || family instanceof InfoSnapshot
        || (family instanceof HistogramSnapshot histogram && !histogram.isGaugeHistogram()))) {
      return false;
    }
    Lines lines = linesByFamily.computeIfAbsent(name, Lines::new);
    Bytes before = lines.writtenBefore(family, format, escaping);
    if (before != null) {
      out.write(before);
      return true;
    }
    int start = out.size();
    out.write(header(family, escaping));
    lines.rewind();
    boolean written;
    if (family instanceof CounterSnapshot counter) {
      written = writeCounter(counter, lines);
    } else if (family instanceof GaugeSnapshot gauge) {
      written = writeGauge(gauge, lines);
    } else if (family instanceof InfoSnapshot info) {
      written = writeInfo(info, lines);
    } else {
      written = writeHistogram((HistogramSnapshot) family, lines);
    }
    lines.trim();
    if (written) {
      lines.remember(family, format, escaping, out, start);
    }
    return written;
  }

  private boolean writeCounter(CounterSnapshot counter, Lines lines) {
    for (CounterDataPointSnapshot point : counter.getDataPoints()) {
      if (!writeValueLine(point, "_total", point.getValue(), point.getExemplar() != null, lines)) {
        return false;
      }
    }
    return true;
  }

  private boolean writeGauge(GaugeSnapshot gauge, Lines lines) {
    for (GaugeDataPointSnapshot point : gauge.getDataPoints()) {
      if (!writeValueLine(point, "", point.getValue(), point.getExemplar() != null, lines)) {
        return false;
      }
    }
    return true;
  }

  /** The line of a counter's or gauge's point; false when it needs the client's writer. */
  private boolean writeValueLine(
      DataPointSnapshot point, String suffix, double value, boolean hasExemplar, Lines lines) {
    byte[] prefix = lines.prefix(point.getLabels(), suffix, Double.NaN);
    if (prefix == null || hasExemplar || point.hasScrapeTimestamp()) {
      return false;
    }
    out.write(prefix);
    writeDouble(value, lines);
    out.newline();
    return true;
  }

  private boolean writeInfo(InfoSnapshot info, Lines lines) {
    for (InfoSnapshot.InfoDataPointSnapshot point : info.getDataPoints()) {
      byte[] prefix = lines.prefix(point.getLabels(), "_info", Double.NaN);
      if (prefix == null || point.hasScrapeTimestamp()) {
        return false;
      }
      out.write(prefix);
      out.writeAscii("1\n");
    }
    return true;
  }

  private boolean writeHistogram(HistogramSnapshot histogram, Lines lines) {
    for (HistogramDataPointSnapshot point : histogram.getDataPoints()) {
      ClassicHistogramBuckets buckets = point.getClassicBuckets();
      if (buckets.isEmpty() || point.getExemplars().size() > 0 || point.hasScrapeTimestamp()) {
        return false;
      }
      Labels labels = point.getLabels();
      long cumulative = 0;
      for (int i = 0; i < buckets.size(); i++) {
        cumulative += buckets.getCount(i);
        if (!write(lines.prefix(labels, "_bucket", buckets.getUpperBound(i)))) {
          return false;
        }
        out.writeLong(cumulative);
        out.newline();
      }
      // OpenMetrics has _count and _sum both or neither; the text format each if present.
      boolean bothOrNeither = format == Format.OPENMETRICS;
      boolean count = point.hasCount() && (point.hasSum() || !bothOrNeither);
      boolean sum = point.hasSum() && (point.hasCount() || !bothOrNeither);
      if (count) {
        if (!write(lines.prefix(labels, "_count", Double.NaN))) {
          return false;
        }
        out.writeLong(point.getCount());
        out.newline();
      }
      if (sum) {
        if (!write(lines.prefix(labels, "_sum", Double.NaN))) {
          return false;
        }
        writeDouble(point.getSum(), lines);
        out.newline();
      }
    }
    return true;
  }

  /** Writes a line's prefix; false if there is none. */
  private boolean write(byte[] prefix) {
    if (prefix == null) {
      return false;
    }
    out.write(prefix);
    return true;
  }

  /**
   * A value as {@code Double.toString} prints it ({@code +Inf}/{@code -Inf} for infinities). Whole
   * numbers below 10⁷ (counts) are printed directly; other values reuse the text of the line's last
   * value when it is the same.
   */
  private void writeDouble(double value, Lines lines) {
    if (value == (long) value && Math.abs(value) < 1e7 && !(value == 0 && 1 / value < 0)) {
      out.writeLong((long) value);
      out.writeAscii(".0");
    } else {
      out.write(lines.valueText(value));
    }
  }

  /** The family's {@code # HELP}/{@code # TYPE} (and {@code # UNIT}) lines, from the client. */
  private byte[] header(MetricSnapshot family, EscapingScheme escaping) throws IOException {
    MetricMetadata metadata = family.getMetadata();
    HeaderKey key =
        new HeaderKey(
            format,
            family.getClass(),
            metadata.getName(),
            metadata.getHelp(),
            metadata.hasUnit() ? metadata.getUnit().toString() : null,
            escaping);
    byte[] header = headers.get(key);
    if (header == null) {
      byte[] whole = clientBytes(family, escaping);
      int end = 0;
      while (end < whole.length && whole[end] == '#') {
        while (whole[end] != '\n') {
          end++;
        }
        end++;
      }
      header = Arrays.copyOf(whole, end);
      headers.put(key, header);
    }
    return header;
  }

  /** The client writer's exposition of one family, without OpenMetrics' closing {@code # EOF}. */
  private byte[] clientBytes(MetricSnapshot family, EscapingScheme escaping) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.client.write(bytes, MetricSnapshots.of(family), escaping);
    byte[] whole = bytes.toByteArray();
    int length = whole.length - (format == Format.OPENMETRICS ? "# EOF\n".length() : 0);
    return Arrays.copyOf(whole, length);
  }

  private record HeaderKey(
      Format format,
      Class<?> type,
      String name,
      String help,
      String unit,
      EscapingScheme escaping) {}

  /** A name that no writer or escaping scheme changes: {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  static boolean isPlainName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasPlainLabelNames(Labels labels) {
    for (int i = 0; i < labels.size(); i++) {
      if (!isPlainName(labels.getName(i))
          || !labels.getName(i).equals(labels.getPrometheusName(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lines of one family at the last scrape, by position: the labels each was rendered from, its
   * rendered {@code name{labels} } prefix, and its last non-integral value and that value's text.
   * Also the whole text last written per format and the snapshot it was written from: mlmon's
   * collectors hand out the same snapshot instance while nothing in a family changed (between two
   * publishes of ingest, for every family; after one, for families such as the reference shares),
   * and that text is then copied as it is. The text is kept in a buffer of its own, reused from one
   * publish to the next: a new copy per publish (2 MB of 5 × 100 features, both formats) lived just
   * long enough to be promoted, and filled the old generation towards full collections.
   */
  private static final class Lines {
    private final String name;
    private final MetricSnapshot[] writtenFrom = new MetricSnapshot[Format.values().length];
    private final EscapingScheme[] writtenWith = new EscapingScheme[Format.values().length];
    private final Bytes[] written = new Bytes[Format.values().length];
    private Labels[] labels = new Labels[16];
    private String[] suffixes = new String[16];
    private double[] les = new double[16];
    private byte[][] prefixes = new byte[16][];
    private long[] valueBits = new long[16];
    private byte[][] valueTexts = new byte[16][];
    private int next;

    Lines(String name) {
      this.name = name;
    }

    void rewind() {
      next = 0;
    }

    /** The text last written in {@code format} if it was written from this very snapshot. */
    Bytes writtenBefore(MetricSnapshot family, Format format, EscapingScheme escaping) {
      int f = format.ordinal();
      return writtenFrom[f] == family && writtenWith[f] == escaping ? written[f] : null;
    }

    /** Keeps what {@code out} holds from {@code start} as the text of {@code family}. */
    void remember(
        MetricSnapshot family, Format format, EscapingScheme escaping, Bytes out, int start) {
      int f = format.ordinal();
      if (written[f] == null) {
        written[f] = new Bytes(out.size() - start);
      }
      written[f].reset();
      written[f].write(out, start);
      writtenFrom[f] = family;
      writtenWith[f] = escaping;
    }

    /** Forgets lines beyond those of this scrape, so a shrinking family frees its memory. */
    void trim() {
      for (int i = next; i < prefixes.length && prefixes[i] != null; i++) {
        labels[i] = null;
        prefixes[i] = null;
        valueTexts[i] = null;
      }
    }

    /**
     * The prefix of the next line; {@code le} is the bucket bound, NaN for lines without one. Null
     * when a label name is not plain (the family is then left to the client's writer).
     */
    byte[] prefix(Labels lineLabels, String suffix, double le) {
      int i = next++;
      if (i == prefixes.length) {
        grow();
      }
      if (prefixes[i] != null
          && labels[i] == lineLabels
          && suffixes[i] == suffix
          && Double.compare(les[i], le) == 0) {
        return prefixes[i];
      }
      if (!hasPlainLabelNames(lineLabels)) {
        return null;
      }
      labels[i] = lineLabels;
      suffixes[i] = suffix;
      les[i] = le;
      valueTexts[i] = null;
      prefixes[i] = render(lineLabels, suffix, le);
      return prefixes[i];
    }

    /** The text of the value of the line last given a prefix. */
    byte[] valueText(double value) {
      int i = next - 1;
      long bits = Double.doubleToRawLongBits(value);
      if (valueTexts[i] == null || valueBits[i] != bits) {
        valueBits[i] = bits;
        valueTexts[i] = doubleText(value).getBytes(StandardCharsets.US_ASCII);
      }
      return valueTexts[i];
    }

    private byte[] render(Labels lineLabels, String suffix, double le) {
      StringBuilder line = new StringBuilder(name.length() + 64).append(name).append(suffix);
      boolean hasLe = !Double.isNaN(le);
      if (!lineLabels.isEmpty() || hasLe) {
        line.append('{');
        for (int j = 0; j < lineLabels.size(); j++) {
          if (j > 0) {
            line.append(',');
          }
          line.append(lineLabels.getName(j)).append("=\"");
          appendEscaped(line, lineLabels.getValue(j));
          line.append('"');
        }
        if (hasLe) {
          line.append(lineLabels.isEmpty() ? "" : ",").append("le=\"").append(doubleText(le));
          line.append('"');
        }
        line.append('}');
      }
      return line.append(' ').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void grow() {
      int size = prefixes.length * 2;
      labels = Arrays.copyOf(labels, size);
      suffixes = Arrays.copyOf(suffixes, size);
      les = Arrays.copyOf(les, size);
      prefixes = Arrays.copyOf(prefixes, size);
      valueBits = Arrays.copyOf(valueBits, size);
      valueTexts = Arrays.copyOf(valueTexts, size);
    }
  }

  /** As the client's writers print a double. */
  private static String doubleText(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return Double.toString(value);
  }

  /** A label value with backslash, double quote and newline escaped, as both formats want. */
  private static void appendEscaped(StringBuilder line, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '"' -> line.append("\\\"");
        case '\n' -> line.append("\\n");
        default -> line.append(c);
      }
    }
  }

  /** A growable byte array, written without bounds checks per byte beyond the growth check. */
  private static final class Bytes {
    private byte[] buf;
    private int size;

    Bytes(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    void reset() {
      size = 0;
    }

    int size() {
      return size;
    }

    void truncate(int length) {
      size = length;
    }

    void write(byte[] bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, size, bytes.length);
      size += bytes.length;
    }

    /** What {@code other} holds from {@code start} on. */
    void write(Bytes other, int start) {
      int length = other.size - start;
      ensure(length);
      System.arraycopy(other.buf, start, buf, size, length);
      size += length;
    }

    void write(Bytes other) {
      write(other, 0);
    }

    void writeAscii(String text) {
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        buf[size++] = (byte) text.charAt(i);
      }
    }

    void newline() {
      ensure(1);
      buf[size++] = '\n';
    }

    /** {@code Long.toString(value)}, without the String. */
    void writeLong(long value) {
      ensure(20);
      if (value == Long.MIN_VALUE) {
        writeAscii(Long.toString(value));
        return;
      }
      if (value < 0) {
        buf[size++] = '-';
        value = -value;
      }
      int digits = 1;
      for (long rest = value / 10; rest != 0; rest /= 10) {
        digits++;
      }
      for (int i = size + digits - 1; i >= size; i--) {
        buf[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      size += digits;
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }
  }
}
