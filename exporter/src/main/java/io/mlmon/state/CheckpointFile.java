package io.mlmon.state;

import io.mlmon.quality.PendingPredictions;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The state that survives a restart, in one file so positions and pending predictions always match:
 * written to a temporary file, fsynced, then renamed over the old one (and the folder fsynced), so
 * a crash leaves either the old or the new checkpoint, never half of one.
 *
 * <p>Format (big-endian), version 1: magic {@code MLMONCKP}, version, write time; per source its
 * name and files (device, inode, fallback key, offset, path); the model and version name tables;
 * the pending predictions oldest first (key, time, model, version, flags, score); a CRC-32 of all
 * of it.
 */
public final class CheckpointFile {
  static final byte[] MAGIC = "MLMONCKP".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int MAX_STRING_BYTES = 1 << 20;

  private final Path file;

  public CheckpointFile(Path stateDir) {
    this.file = stateDir.resolve("checkpoint");
  }

  public Path path() {
    return file;
  }

  /** Supplies the pending predictions when a checkpoint is written. */
  public interface PendingSource {
    PendingTables tables();

    int count();

    void forEachOldestFirst(PendingPredictions.Visitor visitor);
  }

  /** Writes a checkpoint atomically. */
  public void write(
      long nowMillis, Map<String, List<FilePosition>> positions, PendingSource pending)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    CRC32 crc = new CRC32();
    try (FileChannel channel =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(
                    new CrcStream(Channels.newOutputStream(channel), crc), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(nowMillis);
      out.writeInt(positions.size());
      for (Map.Entry<String, List<FilePosition>> source : positions.entrySet()) {
        writeString(out, source.getKey());
        out.writeInt(source.getValue().size());
        for (FilePosition p : source.getValue()) {
          out.writeLong(p.device());
          out.writeLong(p.inode());
          writeString(out, p.fallbackKey());
          out.writeLong(p.offset());
          writeString(out, p.path());
        }
      }
      PendingTables tables = pending.tables();
      out.writeInt(tables.models().size());
      for (int m = 0; m < tables.models().size(); m++) {
        writeString(out, tables.models().get(m));
        List<String> versions = tables.versions().get(m);
        out.writeInt(versions.size());
        for (String v : versions) {
          writeString(out, v);
        }
      }
      out.writeInt(pending.count());
      int[] written = {0};
      IOException[] failure = {null};
      pending.forEachOldestFirst(
          (key, time, model, version, flagged, labelled, score) -> {
            if (failure[0] != null) {
              return;
            }
            try {
              out.writeLong(key);
              out.writeLong(time);
              out.writeInt(model);
              out.writeInt(version);
              out.writeByte((flagged + 1) | (labelled ? 4 : 0));
              out.writeFloat(score);
              written[0]++;
            } catch (IOException e) {
              failure[0] = e;
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      if (written[0] != pending.count()) {
        throw new IOException("pending predictions changed while written");
      }
      out.flush();
      out.writeLong(crc.getValue());
      out.flush();
      channel.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(file.getParent());
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a folder; the rename is still atomic.
    }
  }

  /** Receives the pending predictions of a checkpoint being read. */
  @FunctionalInterface
  public interface PendingTarget {
    void restore(
        long key, long time, int model, int version, byte flagged, boolean labelled, float score);
  }

  /**
   * Reads the checkpoint; empty when there is none. Throws {@link CorruptCheckpointException} when
   * the file exists but cannot be trusted (the caller starts fresh and says so).
   *
   * @param pendingTarget gets each pending prediction, after the checksum has been verified
   * @param onTables gets the name tables before any prediction
   */
  public Optional<Checkpoint> read(Consumer<PendingTables> onTables, PendingTarget pendingTarget)
      throws IOException, CorruptCheckpointException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length < MAGIC.length + 12 + 8) {
      throw new CorruptCheckpointException(file + " is truncated");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
    if (crc.getValue() != stored) {
      throw new CorruptCheckpointException(file + " has a bad checksum");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptCheckpointException(file + " is not an mlmon checkpoint");
      }
      int format = in.readInt();
      if (format != VERSION) {
        throw new CorruptCheckpointException(
            file + " has format version " + format + ", this mlmon reads " + VERSION);
      }
      long writtenAt = in.readLong();
      Map<String, List<FilePosition>> positions = new LinkedHashMap<>();
      int sources = count(in);
      for (int s = 0; s < sources; s++) {
        String name = readString(in);
        int files = count(in);
        List<FilePosition> list = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
          long device = in.readLong();
          long inode = in.readLong();
          String fallback = readString(in);
          long offset = in.readLong();
          String path = readString(in);
          list.add(new FilePosition(device, inode, fallback, offset, path));
        }
        positions.put(name, list);
      }
      int models = count(in);
      List<String> modelNames = new ArrayList<>(models);
      List<List<String>> versionNames = new ArrayList<>(models);
      for (int m = 0; m < models; m++) {
        modelNames.add(readString(in));
        int versions = count(in);
        List<String> names = new ArrayList<>(versions);
        for (int v = 0; v < versions; v++) {
          names.add(readString(in));
        }
        versionNames.add(names);
      }
      PendingTables tables = new PendingTables(modelNames, versionNames);
      onTables.accept(tables);
      int entries = count(in);
      for (int i = 0; i < entries; i++) {
        long key = in.readLong();
        long time = in.readLong();
        int model = in.readInt();
        int version = in.readInt();
        int flags = in.readByte();
        float score = in.readFloat();
        if (model < 0
            || model >= models
            || version < 0
            || version >= versionNames.get(model).size()) {
          throw new CorruptCheckpointException(file + " refers to an unknown model or version");
        }
        pendingTarget.restore(
            key, time, model, version, (byte) ((flags & 3) - 1), (flags & 4) != 0, score);
      }
      if (in.available() != 0) {
        throw new CorruptCheckpointException(file + " has trailing bytes");
      }
      return Optional.of(new Checkpoint(writtenAt, positions, tables));
    } catch (EOFException | IllegalArgumentException e) {
      throw new CorruptCheckpointException(file + " is malformed: " + e.getMessage());
    }
  }

  private static int count(DataInputStream in) throws IOException, CorruptCheckpointException {
    int n = in.readInt();
    if (n < 0 || n > 100_000_000) {
      throw new CorruptCheckpointException("implausible count " + n);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > MAX_STRING_BYTES) {
      throw new IOException("name too long for a checkpoint: " + b.length + " bytes");
    }
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in)
      throws IOException, CorruptCheckpointException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING_BYTES) {
      throw new CorruptCheckpointException("implausible string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Computes the CRC of everything written through it. */
  private static final class CrcStream extends FilterOutputStream {
    private final CRC32 crc;

    CrcStream(OutputStream out, CRC32 crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      crc.update(b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      crc.update(b, off, len);
      out.write(b, off, len);
    }
  }
}
