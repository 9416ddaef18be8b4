package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Builds a {@link ReferenceProfile} from training rows fed one at a time. Pure: the caller reads
 * the file (see {@code io.mlmon.reference}); not thread-safe.
 *
 * <p>Every column but the score column is a feature, in the order first seen (pass ordered maps,
 * e.g. {@link LinkedHashMap}, to keep a file's column order), up to {@code maxFeatures}; later
 * columns are ignored and listed by {@link #ignoredColumns()}. A feature is numeric when every
 * non-missing value is a number, else categorical, unless {@code featureTypes} fixes its type; with
 * a fixed numeric type, values that are no numbers are ignored and counted ({@link
 * #invalidValues()}). Missing values (null, blank, NaN) and non-finite numbers are not part of the
 * reference. Categories are the texts {@link Categories} defines.
 *
 * <p>If a column turns out categorical only after more than 100,000 numbers, its numbers have been
 * sampled and cannot be counted as categories exactly: {@link #lateCategoricalColumns()} names it,
 * and the rows must be fed again to a builder whose options declare it categorical.
 */
public final class ReferenceProfileBuilder {
  private final ProfileOptions options;
  private final Map<String, ColumnProfile> columns = new LinkedHashMap<>();
  private final Set<String> ignored = new LinkedHashSet<>();
  private final Reservoir scores = new Reservoir();
  private long flagged;
  private long rows;

  /** The column names {@link #addTextRow(List, List)} last looked up, and what they are. */
  private List<String> resolvedNames;

  private ColumnProfile[] resolvedColumns;
  private int scoreIndex;

  /** The columns of the text row begun. */
  private ColumnProfile[] rowColumns;

  public ReferenceProfileBuilder(ProfileOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * A row of text values, as a CSV row: each cell is read as {@link CsvValue} says (numbers,
   * booleans, text; blank and NaN missing).
   *
   * @throws IllegalArgumentException when the score column holds something that is not a number
   */
  public void addTextRow(Map<String, String> row) {
    addTextRow(List.copyOf(row.keySet()), new ArrayList<>(row.values()));
  }

  /**
   * A row of text values under column names, as {@link #addTextRow(Map)}. Pass the same {@code
   * names} instance for every row of a file: its columns are then looked up once, not per row.
   */
  public void addTextRow(List<String> names, List<String> values) {
    beginTextRow(names);
    for (int i = 0; i < values.size(); i++) {
      textCell(i, values.get(i));
    }
    endTextRow();
  }

  /**
   * Starts a row of text cells under column names, fed one by one by {@link #textCell(int, char[],
   * int, int)} and ended by {@link #endTextRow()}: what {@link #addTextRow(List, List)} does
   * without a string per cell. Pass the same {@code names} instance for every row of a file.
   */
  public void beginTextRow(List<String> names) {
    rowColumns = columnsOf(names);
  }

  /**
   * Cell {@code index} of the row begun, {@code chars[start, end)}; cells beyond the names are
   * ignored.
   *
   * @throws IllegalArgumentException when the score column holds something that is not a number
   */
  public void textCell(int index, char[] chars, int start, int end) {
    double number = CsvValue.plainDecimal(chars, start, end);
    if (Double.isNaN(number)) {
      textCell(index, new String(chars, start, end - start));
    } else if (index == scoreIndex) {
      addScore(number);
    } else if (index < rowColumns.length && rowColumns[index] != null) {
      rowColumns[index].number(number);
    }
  }

  private void textCell(int index, String text) {
    if (index >= rowColumns.length) {
      return;
    }
    CsvValue v = CsvValue.parse(text);
    if (index == scoreIndex) {
      score(v, text);
      return;
    }
    ColumnProfile c = rowColumns[index];
    if (c == null) {
      return;
    }
    switch (v.kind()) {
      case MISSING -> {}
      case NUMBER -> c.number(v.number());
      case BOOLEAN -> typed(c, Categories.canonical(v.number() != 0));
      default -> typed(c, text);
    }
  }

  /** Ends the row begun. */
  public void endTextRow() {
    rows++;
  }

  /** The columns of {@code names} by position (null: ignored or the score), as first seen. */
  private ColumnProfile[] columnsOf(List<String> names) {
    if (names != resolvedNames) {
      resolvedColumns = new ColumnProfile[names.size()];
      scoreIndex = -1;
      for (int i = 0; i < resolvedColumns.length; i++) {
        String name = names.get(i);
        if (name.equals(options.scoreColumn())) {
          scoreIndex = i;
        } else {
          resolvedColumns[i] = column(name);
        }
      }
      resolvedNames = names;
    }
    return resolvedColumns;
  }

  /**
   * A row of JSON values: {@link Number}, {@link String}, {@link Boolean} or null (missing). A
   * string is text, never a number, unless the config fixed the feature numeric (then it is read as
   * a CSV cell would be); a blank string is missing.
   *
   * @throws IllegalArgumentException for a value of another class, or a score that is no number
   */
  public void addValueRow(Map<String, ?> row) {
    for (Map.Entry<String, ?> e : row.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      if (name.equals(options.scoreColumn())) {
        score(value);
        continue;
      }
      ColumnProfile c = column(name);
      if (c == null || value == null) {
        continue;
      }
      if (value instanceof Number n) {
        c.number(n.doubleValue());
      } else if (value instanceof Boolean b) {
        typed(c, Categories.canonical(b));
      } else if (value instanceof String s) {
        CsvValue v = CsvValue.parse(s);
        if (v.kind() == CsvValue.Kind.MISSING && s.isBlank()) {
          continue;
        }
        if (c.fixedType() == FeatureType.NUMERIC) {
          numericText(c, v);
        } else {
          c.category(s);
        }
      } else {
        throw new IllegalArgumentException(
            "column \"" + name + "\": a " + value.getClass().getSimpleName() + " is no value");
      }
    }
    rows++;
  }

  private void typed(ColumnProfile c, String category) {
    if (c.fixedType() == FeatureType.NUMERIC) {
      c.invalid();
    } else {
      c.category(category);
    }
  }

  private static void numericText(ColumnProfile c, CsvValue v) {
    switch (v.kind()) {
      case NUMBER -> c.number(v.number());
      case MISSING -> {}
      default -> c.invalid();
    }
  }

  private void score(CsvValue v, String text) {
    switch (v.kind()) {
      case MISSING -> {}
      case NUMBER -> addScore(v.number());
      default -> throw notANumber(text);
    }
  }

  private void score(Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Number n) {
      addScore(n.doubleValue());
    } else if (value instanceof String s) {
      score(CsvValue.parse(s), s);
    } else {
      throw notANumber(String.valueOf(value));
    }
  }

  private IllegalArgumentException notANumber(String text) {
    return new IllegalArgumentException(
        "score column \"" + options.scoreColumn() + "\": \"" + text + "\" is not a number");
  }

  private void addScore(double v) {
    if (!Double.isFinite(v)) {
      return;
    }
    scores.add(v);
    OptionalDouble t = options.threshold();
    if (t.isPresent() && v >= t.getAsDouble()) {
      flagged++;
    }
  }

  private ColumnProfile column(String name) {
    ColumnProfile c = columns.get(name);
    if (c != null || ignored.contains(name)) {
      return c;
    }
    if (columns.size() == options.maxFeatures()) {
      ignored.add(name);
      return null;
    }
    c = new ColumnProfile(name, options.featureTypes().get(name));
    columns.put(name, c);
    return c;
  }

  /** Rows fed so far. */
  public long rows() {
    return rows;
  }

  /** Columns beyond {@code maxFeatures}, in the order first seen. */
  public Set<String> ignoredColumns() {
    return Collections.unmodifiableSet(ignored);
  }

  /** Per feature with a fixed numeric type, how many values were ignored as no numbers. */
  public Map<String, Long> invalidValues() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (ColumnProfile c : columns.values()) {
      if (c.invalidCount() > 0) {
        out.put(c.name(), c.invalidCount());
      }
    }
    return out;
  }

  /** Columns that must be declared categorical and the rows fed again (see class comment). */
  public Set<String> lateCategoricalColumns() {
    Set<String> out = new LinkedHashSet<>();
    for (ColumnProfile c : columns.values()) {
      if (c.lateCategorical()) {
        out.add(c.name());
      }
    }
    return out;
  }

  /**
   * The material gathered so far.
   *
   * @throws IllegalStateException when {@link #lateCategoricalColumns()} is not empty
   */
  public ReferenceData data() {
    Set<String> late = lateCategoricalColumns();
    if (!late.isEmpty()) {
      throw new IllegalStateException(
          "columns " + late + " turned categorical after 100,000 numbers: read the rows again");
    }
    List<FeatureData> features = new ArrayList<>();
    for (ColumnProfile c : columns.values()) {
      features.add(c.toData());
    }
    Optional<ScoreData> score =
        scores.count() == 0
            ? Optional.empty()
            : Optional.of(
                new ScoreData(scores.toData(options.scoreColumn()), options.threshold(), flagged));
    return new ReferenceData(rows, options.scoreColumn(), features, score);
  }

  /** The profile of the rows fed so far, derived with this builder's options. */
  public ReferenceProfile build() {
    return ReferenceProfile.of(data(), options);
  }
}
