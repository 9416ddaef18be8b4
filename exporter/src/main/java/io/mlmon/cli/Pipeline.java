package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.config.SourceConfig;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.FileIdentity;
import io.mlmon.ingest.LogTailer;
import io.mlmon.ingest.ParseQueue;
import io.mlmon.ingest.SourceReader;
import io.mlmon.ingest.StartPosition;
import io.mlmon.monitor.Checkpointer;
import io.mlmon.monitor.DriftService;
import io.mlmon.monitor.IngestLoop;
import io.mlmon.monitor.Monitor;
import io.mlmon.state.Checkpoint;
import io.mlmon.state.CheckpointFile;
import io.mlmon.state.CorruptCheckpointException;
import io.mlmon.state.FilePosition;
import io.mlmon.state.PendingTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest side wired from a config: tailers, parsers, the monitor and the loop driving them. */
final class Pipeline implements AutoCloseable {
  /** How the sources are read. */
  enum Mode {
    /** Follow the sources from their checkpoint or configured start; ages by the wall clock. */
    RUN,
    /** Every source from its beginning to its end, ages by event time; no checkpoint. */
    REPLAY
  }

  static final long POLL_INTERVAL_MILLIS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  final Monitor monitor;
  final IngestLoop loop;
  final DriftService drift;
  private final List<SourceReader> readers;

  /** Batches of a large backlog, parsed by workers while the ingest thread feeds the monitor. */
  private final ParseQueue parseQueue;

  Pipeline(MlmonConfig config, Mode mode) {
    Map<String, ReferenceProfile> references = EarlyLoad.references(config);
    Monitor.Settings settings =
        new Monitor.Settings(
            config.models(),
            references,
            config.limits(),
            config.labels(),
            config.drift().maxSamples(),
            config.drift().maxAge().toMillis());
    Optional<Checkpoint> checkpoint = Optional.empty();
    boolean loadFailed = false;
    CheckpointFile file = new CheckpointFile(config.stateDir());
    Monitor restored = newMonitor(settings, mode);
    if (mode == Mode.RUN) {
      try {
        PendingTables[] tables = new PendingTables[1];
        CheckpointFile.PendingTarget[] target = new CheckpointFile.PendingTarget[1];
        Monitor m = restored;
        checkpoint =
            file.read(
                t -> {
                  tables[0] = t;
                  target[0] = m.pendingTarget(t);
                },
                (key, time, model, version, flagged, labelled, score) ->
                    target[0].restore(key, time, model, version, flagged, labelled, score));
        checkpoint.ifPresent(
            c ->
                LOG.info(
                    "resuming from {} ({} pending predictions)",
                    file.path(),
                    m.pendingSource().count()));
      } catch (CorruptCheckpointException | IOException e) {
        LOG.warn("ignoring checkpoint: {}; starting fresh", e.getMessage());
        loadFailed = true;
        checkpoint = Optional.empty();
        restored = newMonitor(settings, mode);
      }
    }
    this.monitor = restored;
    this.readers = new ArrayList<>();
    // Parse workers beside the ingest thread, up to three: parsing (and binning against the
    // reference) is most of the work of a backlog; the ingest thread reads the lines, applies the
    // events in order, and parses too when every worker is busy. Replay takes every core; run, a
    // sidecar, leaves one to the model it watches and to scrapes while it catches up.
    int cores = Runtime.getRuntime().availableProcessors();
    int parseWorkers = Math.max(0, Math.min(3, mode == Mode.REPLAY ? cores - 1 : cores - 2));
    this.parseQueue =
        ParseQueue.start(
            parseWorkers,
            new EventParser(config.fields(), config.limits().maxFeaturesPerModel()),
            monitor);
    for (SourceConfig source : config.sources()) {
      StartPosition start = startPosition(source, mode, checkpoint);
      LogTailer tailer = new LogTailer(source.name(), source.path(), source.maxLineBytes(), start);
      EventParser parser = new EventParser(config.fields(), config.limits().maxFeaturesPerModel());
      readers.add(new SourceReader(tailer, parser, monitor, System::currentTimeMillis, parseQueue));
    }
    Checkpointer checkpointer =
        mode == Mode.RUN
            ? new Checkpointer(file, readers, monitor, System::currentTimeMillis, loadFailed)
            : null;
    this.drift =
        new DriftService(
            References.driftSettings(config),
            config.drift().interval().toMillis(),
            System::currentTimeMillis);
    this.loop =
        new IngestLoop(
            readers,
            monitor,
            POLL_INTERVAL_MILLIS,
            System::currentTimeMillis,
            checkpointer,
            mode == Mode.RUN ? drift : null);
  }

  private static Monitor newMonitor(Monitor.Settings settings, Mode mode) {
    return new Monitor(
        settings,
        mode == Mode.RUN ? Monitor.TimeMode.WALL_CLOCK : Monitor.TimeMode.EVENT_TIME,
        System::currentTimeMillis);
  }

  private static StartPosition startPosition(
      SourceConfig source, Mode mode, Optional<Checkpoint> checkpoint) {
    if (mode == Mode.REPLAY) {
      return StartPosition.beginning();
    }
    StartPosition configured =
        source.startAt() == SourceConfig.StartAt.BEGINNING
            ? StartPosition.beginning()
            : StartPosition.end();
    if (checkpoint.isEmpty() || !checkpoint.get().positions().containsKey(source.name())) {
      return configured;
    }
    Map<FileIdentity, Long> saved = new HashMap<>();
    for (FilePosition p : checkpoint.get().positions().get(source.name())) {
      saved.put(new FileIdentity(p.device(), p.inode(), p.fallbackKey()), p.offset());
    }
    return StartPosition.resume(saved, checkpoint.get().writtenAtMillis(), configured);
  }

  @Override
  public void close() {
    drift.close();
    readers.forEach(SourceReader::close);
    parseQueue.close();
  }
}
