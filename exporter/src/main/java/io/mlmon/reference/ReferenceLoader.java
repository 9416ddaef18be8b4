package io.mlmon.reference;

import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.ReferenceProfileBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a model's reference from a file: training rows in CSV (with a header) or JSON Lines, or a
 * profile JSON written by {@code mlmon profile}. The format is chosen by extension ({@code .csv};
 * {@code .jsonl}, {@code .ndjson}) and otherwise by content (a JSON object whose {@code format} is
 * {@code mlmon-profile} is a profile, other JSON is JSON Lines, anything else CSV). Rows and a
 * profile written from them give identical profiles for the same options.
 */
public final class ReferenceLoader {
  private static final int PROGRESS_EVERY_ROWS = 10_000;

  private ReferenceLoader() {}

  /** The kinds of reference file. */
  public enum Format {
    CSV,
    JSON_LINES,
    PROFILE
  }

  /**
   * A loaded reference.
   *
   * @param model the model a profile file names, or the one asked for
   * @param ignoredColumns columns beyond {@code maxFeatures}, not profiled
   * @param invalidValues per feature the config declared numeric, values that were no numbers
   */
  public record Result(
      ReferenceProfile profile,
      Format format,
      Optional<String> model,
      Set<String> ignoredColumns,
      Map<String, Long> invalidValues) {}

  /** Loads a reference with the given options. */
  public static ReferenceProfile load(Path file, ProfileOptions options) throws ReferenceException {
    return read(file, options, Optional.empty(), ProgressListener.NONE).profile();
  }

  /**
   * Loads a reference.
   *
   * @param model for log-event rows: keep only this model's events
   * @param progress told every 10,000 rows
   * @throws ReferenceException with a one-line message naming the file (and line) for anything that
   *     cannot be read
   */
  public static Result read(
      Path file, ProfileOptions options, Optional<String> model, ProgressListener progress)
      throws ReferenceException {
    try {
      Format format = detect(file);
      if (format == Format.PROFILE) {
        return readProfile(file, options, model);
      }
      ReferenceProfileBuilder builder = readRows(file, format, options, model, progress);
      Set<String> late = builder.lateCategoricalColumns();
      if (!late.isEmpty()) {
        // Numbers first, text after 100,000 of them: read again with those columns categorical.
        Map<String, FeatureType> types = new HashMap<>(options.featureTypes());
        late.forEach(c -> types.put(c, FeatureType.CATEGORICAL));
        options = options.withFeatureTypes(types);
        builder = readRows(file, format, options, model, progress);
      }
      if (builder.rows() == 0) {
        throw ReferenceException.of(file, "no data rows");
      }
      return new Result(
          builder.build(), format, model, builder.ignoredColumns(), builder.invalidValues());
    } catch (NoSuchFileException e) {
      throw ReferenceException.of(file, "no such file");
    } catch (CharacterCodingException e) {
      throw ReferenceException.of(file, "not UTF-8 text");
    } catch (IOException e) {
      throw ReferenceException.of(file, "cannot read: " + e.getMessage());
    }
  }

  /** The format of a reference file, by extension, else by its first bytes. */
  public static Format detect(Path file) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Format.CSV;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Format.JSON_LINES;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.mark(4096);
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB
          || c == 0xBF);
      if (c != '{') {
        return Format.CSV;
      }
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return ProfileJson.isProfile(in) ? Format.PROFILE : Format.JSON_LINES;
    }
  }

  private static Result readProfile(Path file, ProfileOptions options, Optional<String> model)
      throws IOException, ReferenceException {
    ProfileJson.Stored stored;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      stored = ProfileJson.read(in);
    } catch (RowException e) {
      throw ReferenceException.at(file, e.line(), e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ReferenceException.at(
          file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), e.getOriginalMessage());
    }
    try {
      ReferenceProfile profile = ReferenceProfile.of(stored.data(), options);
      return new Result(
          profile, Format.PROFILE, stored.model().or(() -> model), Set.of(), Map.of());
    } catch (IllegalArgumentException e) {
      throw ReferenceException.of(file, e.getMessage());
    }
  }

  private static ReferenceProfileBuilder readRows(
      Path file,
      Format format,
      ProfileOptions options,
      Optional<String> model,
      ProgressListener progress)
      throws IOException, ReferenceException {
    ReferenceProfileBuilder builder = new ReferenceProfileBuilder(options);
    try (CountingStream counted = new CountingStream(Files.newInputStream(file));
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
      if (format == Format.CSV) {
        readCsv(file, reader, builder, counted, progress);
      } else {
        readJsonLines(file, reader, builder, options, model, counted, progress);
      }
      progress.progress(counted.count, builder.rows());
    }
    return builder;
  }

  private static void readCsv(
      Path file,
      BufferedReader reader,
      ReferenceProfileBuilder builder,
      CountingStream counted,
      ProgressListener progress)
      throws IOException, ReferenceException {
    CsvReader csv = new CsvReader(reader);
    try {
      List<String> header = csv.next();
      if (header == null) {
        throw ReferenceException.of(file, "empty file (a CSV reference needs a header row)");
      }
      checkHeader(header, csv.recordLine());
      List<String> names = List.copyOf(header);
      CsvReader.FieldHandler cells = builder::textCell;
      while (true) {
        builder.beginTextRow(names);
        int fields;
        try {
          fields = csv.next(cells);
        } catch (IllegalArgumentException e) {
          throw new RowException(csv.recordLine(), e.getMessage());
        }
        if (fields < 0) {
          break;
        }
        if (fields != names.size()) {
          throw new RowException(
              csv.recordLine(), fields + " fields, the header has " + names.size());
        }
        builder.endTextRow();
        tick(builder, counted, progress);
      }
    } catch (RowException e) {
      throw ReferenceException.at(file, e.line(), e.getMessage());
    }
  }

  private static void checkHeader(List<String> header, long line) {
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isBlank()) {
        throw new RowException(
            line,
            "column "
                + (i + 1)
                + " of the header has no name (an index column? write the CSV without it)");
      }
      if (!seen.add(name)) {
        throw new RowException(line, "column \"" + name + "\" appears twice in the header");
      }
    }
  }

  private static void readJsonLines(
      Path file,
      BufferedReader reader,
      ReferenceProfileBuilder builder,
      ProfileOptions options,
      Optional<String> model,
      CountingStream counted,
      ProgressListener progress)
      throws IOException, ReferenceException {
    JsonLinesReader rows = new JsonLinesReader(reader, options.scoreColumn(), model);
    try {
      Map<String, Object> row;
      while ((row = rows.next()) != null) {
        Map<String, Object> r = row;
        addRow(() -> builder.addValueRow(r), rows.line());
        tick(builder, counted, progress);
      }
    } catch (RowException e) {
      throw ReferenceException.at(file, e.line(), e.getMessage());
    }
  }

  private static void addRow(Runnable add, long line) {
    try {
      add.run();
    } catch (IllegalArgumentException e) {
      throw new RowException(line, e.getMessage());
    }
  }

  private static void tick(
      ReferenceProfileBuilder builder, CountingStream counted, ProgressListener progress) {
    if (builder.rows() % PROGRESS_EVERY_ROWS == 0) {
      progress.progress(counted.count, builder.rows());
    }
  }

  /** Counts the bytes read, for progress. */
  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
