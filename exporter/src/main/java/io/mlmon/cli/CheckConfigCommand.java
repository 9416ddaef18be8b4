package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.config.WebConfig;
import io.mlmon.http.TlsSetup;
import io.mlmon.metrics.SeriesBound;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlmon check-config}: validates a config and its files; exit 0 or 2. */
@Command(
    name = "check-config",
    description = "Validate a config and its reference files; print every problem and exit 2.")
final class CheckConfigCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config")
  Path config;

  @Override
  public Integer call() {
    MlmonConfig cfg = ConfigFile.load(config);
    int references = References.load(cfg).size();
    cfg.server()
        .webConfig()
        .flatMap(WebConfig::tls)
        .ifPresent(
            tls -> {
              try {
                TlsSetup.validate(tls);
              } catch (IllegalArgumentException e) {
                throw new UserError("server.web_config: " + e.getMessage(), 2);
              }
            });
    System.out.printf(
        "%s: OK (%d source%s, %d model%s, %d reference%s, at most %d series, listening on %s)%n",
        config,
        cfg.sources().size(),
        cfg.sources().size() == 1 ? "" : "s",
        cfg.models().size(),
        cfg.models().size() == 1 ? "" : "s",
        references,
        references == 1 ? "" : "s",
        SeriesBound.of(cfg).total(),
        cfg.server().listen());
    return 0;
  }
}
