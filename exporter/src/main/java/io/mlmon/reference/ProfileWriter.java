package io.mlmon.reference;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mlmon.drift.CategoricalData;
import io.mlmon.drift.FeatureData;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.NumericData;
import io.mlmon.drift.ReferenceData;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.ScoreData;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a profile file in the format {@link ProfileJson} describes (read it back with {@link
 * ReferenceLoader}): to a temporary file beside the target first, then moved into place, so a
 * reader never sees half a profile. Doubles are written in full precision (text that reads back to
 * exactly the same double).
 */
public final class ProfileWriter {
  private ProfileWriter() {}

  /** Writes {@code profile} to {@code file}, naming {@code model} when given. */
  public static void write(ReferenceProfile profile, Optional<String> model, Path file)
      throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    // Not Files.createTempFile: its owner-only permissions would follow the file into place.
    Path tmp =
        dir.resolve(
            "." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        write(profile, model, out);
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code profile} as JSON to a stream (left open). */
  public static void write(ReferenceProfile profile, Optional<String> model, OutputStream out)
      throws IOException {
    writeJson(profile, model, new NonClosing(out));
  }

  private static void writeJson(ReferenceProfile profile, Optional<String> model, OutputStream out)
      throws IOException {
    ReferenceData data = profile.data();
    try (JsonGenerator g = ProfileJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", ProfileJson.FORMAT);
      g.writeNumberField("version", ProfileJson.VERSION);
      if (model.isPresent()) {
        g.writeStringField("model", model.get());
      }
      g.writeNumberField("rows", data.rows());
      g.writeStringField("score_column", data.scoreColumn());
      if (data.score().isPresent() && data.score().get().threshold().isPresent()) {
        g.writeNumberField("threshold", data.score().get().threshold().getAsDouble());
      }
      g.writeNumberField("psi_bins", profile.options().psiBins());
      g.writeNumberField("max_categories_per_feature", profile.options().maxCategories());
      if (profile.flagRatio().isPresent()) {
        g.writeNumberField("flag_ratio", profile.flagRatio().getAsDouble());
      }
      if (data.score().isPresent()) {
        ScoreData s = data.score().get();
        g.writeObjectFieldStart("score");
        writeNumeric(g, s.values());
        g.writeNumberField("flagged", s.flagged());
        if (profile.score().isPresent()) {
          writeBins(g, profile.score().get());
        }
        g.writeEndObject();
      }
      g.writeArrayFieldStart("features");
      for (FeatureData f : data.features()) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("type", f.type().label());
        if (f instanceof NumericData n) {
          writeNumeric(g, n);
        } else {
          writeCategorical(g, (CategoricalData) f);
        }
        int index = profile.indexOf(f.name());
        if (index >= 0 && profile.feature(index).type() == f.type()) {
          writeBins(g, profile.feature(index));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeNumeric(JsonGenerator g, NumericData n) throws IOException {
    g.writeNumberField("count", n.count());
    g.writeNumberField("min", n.min());
    g.writeNumberField("max", n.max());
    double[] sample = n.sample();
    List<Double> values = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    boolean repeats = false;
    for (int i = 0; i < sample.length; i++) {
      if (i > 0 && Double.compare(sample[i], sample[i - 1]) == 0) {
        counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
        repeats = true;
      } else {
        values.add(sample[i]);
        counts.add(1L);
      }
    }
    g.writeObjectFieldStart("sample");
    g.writeArrayFieldStart("values");
    for (double v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
    if (repeats) {
      g.writeArrayFieldStart("counts");
      for (long c : counts) {
        g.writeNumber(c);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeCategorical(JsonGenerator g, CategoricalData c) throws IOException {
    g.writeNumberField("count", c.count());
    g.writeNumberField("untracked", c.untracked());
    g.writeObjectFieldStart("categories");
    for (Map.Entry<String, Long> e : c.counts().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeBins(JsonGenerator g, ReferenceFeature f) throws IOException {
    g.writeObjectFieldStart("bins");
    if (f.type() == FeatureType.NUMERIC) {
      g.writeArrayFieldStart("edges");
      for (double e : f.edges()) {
        g.writeNumber(e);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("labels");
    for (String l : f.binLabels()) {
      g.writeString(l);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("reference_ratios");
    for (double r : f.referenceRatios()) {
      g.writeNumber(r);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
