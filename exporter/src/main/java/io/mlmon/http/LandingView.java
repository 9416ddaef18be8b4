package io.mlmon.http;

import io.mlmon.config.DriftConfig;
import io.mlmon.host.HostSnapshot;
import io.mlmon.host.ProbeResult;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * Everything the landing page shows, read once per request from the latest immutable snapshots: the
 * whole input of {@link LandingRenderer}.
 *
 * @param startedAtMillis when the exporter started (for its uptime)
 * @param nowMillis when the page is rendered
 */
record LandingView(
    String version,
    long startedAtMillis,
    long nowMillis,
    IngestSnapshot ingest,
    DriftReport drift,
    HostSnapshot host,
    List<ProbeResult> probes,
    DriftConfig driftConfig,
    BinRanges binRanges) {
  LandingView {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(host, "host");
    probes = List.copyOf(probes);
    Objects.requireNonNull(driftConfig, "driftConfig");
    Objects.requireNonNull(binRanges, "binRanges");
  }
}
