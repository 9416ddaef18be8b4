package io.mlmon.http;

import io.javalin.http.Context;
import io.mlmon.config.DriftConfig;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.host.HostSnapshot;
import io.mlmon.host.ProbeResult;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /}: what this exporter sees, at a glance, with links to the rest. Reads only the latest
 * snapshots (ingest, drift, host); the page itself is rendered by {@link LandingRenderer}.
 */
public final class LandingPage {
  private final String version;
  private final long startedAtMillis;
  private final Supplier<IngestSnapshot> ingest;
  private final Supplier<DriftReport> drift;
  private final Supplier<HostSnapshot> host;
  private final Supplier<List<ProbeResult>> probes;
  private final DriftConfig driftConfig;
  private final BinRanges binRanges;

  /**
   * @param references the models' reference profiles, for the bin ranges shown on hover
   */
  public LandingPage(
      String version,
      Supplier<IngestSnapshot> ingest,
      Supplier<DriftReport> drift,
      Supplier<HostSnapshot> host,
      Supplier<List<ProbeResult>> probes,
      DriftConfig driftConfig,
      Map<String, ReferenceProfile> references) {
    this.version = version;
    this.startedAtMillis = System.currentTimeMillis();
    this.ingest = ingest;
    this.drift = drift;
    this.host = host;
    this.probes = probes;
    this.driftConfig = driftConfig;
    this.binRanges = BinRanges.of(references);
  }

  void handle(Context ctx) {
    LandingView view =
        new LandingView(
            version,
            startedAtMillis,
            System.currentTimeMillis(),
            ingest.get(),
            drift.get(),
            host.get(),
            probes.get(),
            driftConfig,
            binRanges);
    ctx.header("Cache-Control", "no-store");
    ctx.html(LandingRenderer.render(view));
  }
}
