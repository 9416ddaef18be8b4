package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlmon replay}: every source once, start to end; the metrics in text format. */
@Command(
    name = "replay",
    description =
        "Read every source from its beginning to its end and print the metrics in Prometheus"
            + " text format (checkpoints are ignored and left untouched).")
final class ReplayCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config")
  Path config;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "write the metrics to FILE instead of standard output")
  Path output;

  @Override
  public Integer call() throws IOException {
    MlmonConfig cfg = EarlyLoad.config(config);
    IngestSnapshot result;
    DriftReport drift;
    try (Pipeline pipeline = new Pipeline(cfg, Pipeline.Mode.REPLAY)) {
      result = pipeline.loop.runToEnd();
      drift = pipeline.drift.evaluateNow(pipeline.monitor);
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    Exporter.registerModelMetrics(registry, () -> result, () -> drift, Version.get());
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    if (output == null) {
      OutputStream out = new BufferedOutputStream(System.out);
      writer.write(out, registry.scrape());
      out.flush();
    } else {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
        writer.write(out, registry.scrape());
      }
    }
    return 0;
  }
}
