package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.config.SourceConfig;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.LogTailer;
import io.mlmon.ingest.SourceReader;
import io.mlmon.ingest.StartPosition;
import io.mlmon.monitor.IngestLoop;
import io.mlmon.monitor.Monitor;
import java.util.ArrayList;
import java.util.List;

/** The ingest side wired from a config: tailers, parsers, the monitor and the loop driving them. */
final class Pipeline implements AutoCloseable {
  /** How the sources are read. */
  enum Mode {
    /** Follow the sources from their configured start, ages by the wall clock. */
    RUN,
    /** Every source from its beginning to its end, ages by event time. */
    REPLAY
  }

  static final long POLL_INTERVAL_MILLIS = 250;

  final Monitor monitor;
  final IngestLoop loop;
  private final List<SourceReader> readers;

  Pipeline(MlmonConfig config, Mode mode) {
    this.monitor =
        new Monitor(
            config.models(),
            config.limits(),
            config.labels(),
            mode == Mode.RUN ? Monitor.TimeMode.WALL_CLOCK : Monitor.TimeMode.EVENT_TIME,
            System::currentTimeMillis);
    this.readers = new ArrayList<>();
    for (SourceConfig source : config.sources()) {
      StartPosition start =
          mode == Mode.REPLAY || source.startAt() == SourceConfig.StartAt.BEGINNING
              ? StartPosition.beginning()
              : StartPosition.end();
      LogTailer tailer = new LogTailer(source.name(), source.path(), source.maxLineBytes(), start);
      EventParser parser = new EventParser(config.fields(), config.limits().maxFeaturesPerModel());
      readers.add(new SourceReader(tailer, parser, monitor, System::currentTimeMillis));
    }
    this.loop = new IngestLoop(readers, monitor, POLL_INTERVAL_MILLIS, System::currentTimeMillis);
  }

  @Override
  public void close() {
    readers.forEach(SourceReader::close);
  }
}
