package io.mlmon.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a file or a glob of files, like {@code tail -F}: hands every complete line on once.
 *
 * <p>Files are tracked by identity (device and inode), not by name. A file renamed away by rotation
 * stays open and is read to its end, including lines its writer adds after the rename, until it has
 * been idle for {@link #ORPHAN_GRACE_NANOS}; the new file at the name is read from its start. A
 * file that shrinks was truncated (copytruncate) and is read again from 0. New files matching the
 * glob are picked up at the next scan. Not thread-safe: one thread polls.
 */
public final class LogTailer implements Closeable {
  static final long ORPHAN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long SCAN_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final int CHUNK_BYTES = 256 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LogTailer.class);

  private final String source;
  private final Path directory;
  private final PathMatcher matcher;
  private final Path literal;
  private final int maxLineBytes;
  private final StartPosition startPosition;
  private final LongSupplier nanoTime;
  private final Map<FileIdentity, TrackedFile> files = new LinkedHashMap<>();
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
  private final TailerCounters counters = new TailerCounters();
  private final Set<Path> warnedUnreadable = new HashSet<>();
  private final Opener opener;
  private boolean scanned;
  private long lastScanNanos;

  public LogTailer(
      String source,
      Path pattern,
      int maxLineBytes,
      StartPosition startPosition,
      LongSupplier nanoTime) {
    this(
        source,
        pattern,
        maxLineBytes,
        startPosition,
        nanoTime,
        path -> FileChannel.open(path, StandardOpenOption.READ));
  }

  LogTailer(
      String source,
      Path pattern,
      int maxLineBytes,
      StartPosition startPosition,
      LongSupplier nanoTime,
      Opener opener) {
    this.opener = opener;
    this.source = source;
    Path absolute = pattern.toAbsolutePath().normalize();
    String fileName = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
    this.directory = absolute.getParent();
    if (isGlob(fileName)) {
      this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
      this.literal = null;
    } else {
      this.matcher = null;
      this.literal = absolute;
    }
    this.maxLineBytes = maxLineBytes;
    this.startPosition = startPosition;
    this.nanoTime = nanoTime;
  }

  public LogTailer(String source, Path pattern, int maxLineBytes, StartPosition startPosition) {
    this(source, pattern, maxLineBytes, startPosition, System::nanoTime);
  }

  /** Opens a file for reading; a seam so tests can refuse access even when running as root. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path path) throws IOException;
  }

  static boolean isGlob(String name) {
    for (char c : new char[] {'*', '?', '[', '{'}) {
      if (name.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  public String source() {
    return source;
  }

  /**
   * Reads what is new in every file of the source, handing lines to {@code handler}.
   *
   * @param budget roughly the most bytes to read in this call, so the caller can interleave work
   * @return the number of bytes read
   */
  public long poll(LineHandler handler, long budget) {
    long now = nanoTime.getAsLong();
    if (!scanned || now - lastScanNanos >= SCAN_EVERY_NANOS) {
      scan(now);
    }
    long total = 0;
    for (Iterator<TrackedFile> it = files.values().iterator(); it.hasNext(); ) {
      TrackedFile file = it.next();
      try {
        if (file.restartIfTruncated()) {
          counters.rotations++;
          LOG.info("{}: {} was truncated, reading it again from the start", source, file.path);
        }
        long read = file.read(chunk, handler, Math.max(1, budget - total), counters);
        if (read > 0) {
          file.lastGrowthNanos = now;
          total += read;
        }
        if (file.orphanedSinceNanos >= 0
            && read == 0
            && now - file.lastGrowthNanos >= ORPHAN_GRACE_NANOS
            && now - file.orphanedSinceNanos >= ORPHAN_GRACE_NANOS) {
          file.flushPartial(handler, counters);
          file.close();
          it.remove();
        }
      } catch (IOException e) {
        LOG.warn("{}: cannot read {}: {}", source, file.path, e.toString());
        closeQuietly(file);
        it.remove();
      }
      if (total >= budget) {
        break;
      }
    }
    return total;
  }

  /** Hands on every partial last line, as if each file had ended with a newline (for replay). */
  public void flushPartialLines(LineHandler handler) {
    for (TrackedFile file : files.values()) {
      file.flushPartial(handler, counters);
    }
  }

  private void scan(long now) {
    lastScanNanos = now;
    boolean initial = !scanned;
    scanned = true;
    Map<FileIdentity, Path> present = new LinkedHashMap<>();
    for (Path path : candidates()) {
      try {
        FileIdentity.Stat stat = FileIdentity.stat(path);
        if (Files.isRegularFile(path)) {
          present.putIfAbsent(stat.identity(), path);
        }
      } catch (IOException e) {
        // Vanished between listing and stat: the next scan will tell.
      }
    }
    if (present.isEmpty() && files.isEmpty()) {
      // Nothing to read yet: a missing file is waited for, and each look counted.
      counters.missing++;
    }
    for (TrackedFile file : files.values()) {
      Path at = present.get(file.identity);
      if (at == null && file.orphanedSinceNanos < 0) {
        file.orphanedSinceNanos = now;
        counters.rotations++;
        LOG.info("{}: {} was rotated or removed, finishing it", source, file.path);
      } else if (at != null) {
        file.path = at;
        file.orphanedSinceNanos = -1;
      }
    }
    for (Map.Entry<FileIdentity, Path> e : present.entrySet()) {
      if (!files.containsKey(e.getKey())) {
        open(e.getValue(), e.getKey(), initial, now);
      }
    }
  }

  private void open(Path path, FileIdentity identity, boolean initial, long now) {
    try {
      FileChannel channel = opener.open(path);
      long size = channel.size();
      long modified = Files.getLastModifiedTime(path).toMillis();
      long offset = startPosition.offset(identity, size, modified, initial);
      if (offset < 0 || offset > size) {
        offset = 0;
      }
      TrackedFile file = new TrackedFile(path, identity, channel, offset, maxLineBytes);
      file.lastGrowthNanos = now;
      files.put(identity, file);
      warnedUnreadable.remove(path);
      LOG.info("{}: following {} from byte {}", source, path, offset);
    } catch (IOException e) {
      counters.unreadable++;
      if (warnedUnreadable.add(path)) {
        LOG.warn("{}: cannot open {}: {}", source, path, e.toString());
      }
    }
  }

  private List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    if (literal != null) {
      if (Files.exists(literal)) {
        out.add(literal);
      }
      return out;
    }
    if (directory == null || !Files.isDirectory(directory)) {
      return out;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path p : stream) {
        if (matcher.matches(p.getFileName())) {
          out.add(p);
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      LOG.warn("{}: cannot list {}: {}", source, directory, e.toString());
    }
    // Oldest first, so rotated files (older content) are read before the live one.
    out.sort(
        (a, b) -> {
          try {
            int c = Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            return c != 0 ? c : a.compareTo(b);
          } catch (IOException e) {
            return a.compareTo(b);
          }
        });
    return out;
  }

  /** A point-in-time view of this source's reading, for metrics and the landing page. */
  public TailerSnapshot snapshot() {
    long offset = 0;
    long size = 0;
    for (TrackedFile f : files.values()) {
      offset += f.readOffset();
      size += Math.max(f.size(), f.readOffset());
    }
    return new TailerSnapshot(
        source,
        counters.lines,
        counters.bytes,
        counters.rotations,
        offset,
        size,
        files.size(),
        counters.missing,
        counters.unreadable);
  }

  /** The files open now with the offset after their last complete line (for checkpoints). */
  public List<ReadPosition> positions() {
    List<ReadPosition> out = new ArrayList<>(files.size());
    for (TrackedFile f : files.values()) {
      out.add(new ReadPosition(f.identity, f.lineBoundaryOffset(), f.path.toString()));
    }
    return out;
  }

  @Override
  public void close() {
    files.values().forEach(LogTailer::closeQuietly);
    files.clear();
  }

  private static void closeQuietly(TrackedFile file) {
    try {
      file.close();
    } catch (IOException e) {
      // Closing a read-only channel cannot lose data.
    }
  }
}
