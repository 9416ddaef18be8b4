package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.drift.ReferenceProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The config and reference files of {@code run} and {@code replay}, loaded on a thread of their own
 * while picocli builds and parses the command line.
 *
 * <p>Why: a replay of an empty log took 0.3 s on one core while the other idled: ~80 ms in picocli
 * (Java 5 class files, which the class-data archive cannot hold, so they are read and verified at
 * every start), then ~60 ms for the config and ~95 ms for a 20,000-row reference. The config's path
 * is in the arguments, so loading it need not wait for picocli.
 *
 * <p>The command still asks for its config and then its references, in its own order, and gets what
 * loading them itself would give: the same values or the same {@link UserError}. When the arguments
 * name the config in a way {@link #configArgument} does not read, the command loads it itself.
 */
final class EarlyLoad {
  /** The load begun for the current command line, taken by the first {@link #config} call. */
  private static final AtomicReference<EarlyLoad> begun = new AtomicReference<>();

  /** The load whose config the command took, until it takes the references too. */
  private static final AtomicReference<EarlyLoad> taken = new AtomicReference<>();

  private final Path file;
  private final CompletableFuture<MlmonConfig> config = new CompletableFuture<>();
  private final CompletableFuture<Map<String, ReferenceProfile>> references =
      new CompletableFuture<>();

  private EarlyLoad(Path file) {
    this.file = file;
  }

  /**
   * Starts loading the config that {@code args} name, if they are a {@code run} or {@code replay}
   * command line; forgets any load begun for an earlier command line either way.
   */
  static void begin(String[] args) {
    Path file = configArgument(args);
    EarlyLoad load = file == null ? null : new EarlyLoad(file);
    begun.set(load);
    taken.set(null);
    if (load != null) {
      Thread thread = new Thread(load::load, "mlmon-early-load");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * The path given as {@code --config FILE} or {@code --config=FILE} to {@code run} or {@code
   * replay}, else null (also when given twice, which picocli rejects).
   */
  static Path configArgument(String[] args) {
    if (args.length < 2 || !(args[0].equals("run") || args[0].equals("replay"))) {
      return null;
    }
    String found = null;
    for (int i = 1; i < args.length; i++) {
      String value;
      if (args[i].equals("--config") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--config=")) {
        value = args[i].substring("--config=".length());
      } else if (args[i].equals("--")) {
        return null;
      } else {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = value;
    }
    try {
      return found == null || found.isEmpty() ? null : Path.of(found);
    } catch (RuntimeException e) {
      return null; // not a path: picocli reports it
    }
  }

  private void load() {
    MlmonConfig loaded;
    try {
      loaded = ConfigFile.load(file);
      config.complete(loaded);
    } catch (Throwable t) {
      config.completeExceptionally(t);
      return;
    }
    try {
      references.complete(References.load(loaded));
    } catch (Throwable t) {
      references.completeExceptionally(t);
    }
  }

  /** The config in {@code file}, as {@link ConfigFile#load} gives it. */
  static MlmonConfig config(Path file) {
    EarlyLoad load = begun.getAndSet(null);
    if (load == null || !load.file.equals(file)) {
      return ConfigFile.load(file);
    }
    MlmonConfig config = await(load.config);
    taken.set(load);
    return config;
  }

  /** The references of {@code config}, as {@link References#load} gives them. */
  static Map<String, ReferenceProfile> references(MlmonConfig config) {
    EarlyLoad load = taken.getAndSet(null);
    if (load == null || load.config.getNow(null) != config) {
      return References.load(config);
    }
    return await(load.references);
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
