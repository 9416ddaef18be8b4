package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two usual command lines run without picocli exactly as picocli runs them, and every other
 * command line still goes to picocli.
 */
class DirectCommandTest {
  @TempDir Path dir;

  private record Outcome(int status, String stdout, String stderr) {}

  /** Runs {@code args} in-process, with or without the direct path, capturing both streams. */
  private static Outcome run(boolean direct, String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = Main.execute(args, direct);
      return new Outcome(
          status,
          // The time of the replay's drift evaluation differs from run to run.
          out.toString(StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.contains("_timestamp_seconds"))
              .collect(Collectors.joining("\n")),
          // Log lines (info, when another test set logging up first) carry their time.
          err.toString(StandardCharsets.UTF_8)
              .replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d) ", "<time> "));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void the_usual_command_lines_skip_picocli_and_no_other_does() {
    assertThat(DirectCommand.of(new String[] {"replay", "--config", "a.yml"}))
        .isInstanceOfSatisfying(
            ReplayCommand.class,
            c -> {
              assertThat(c.config).isEqualTo(Path.of("a.yml"));
              assertThat(c.output).isNull();
            });
    assertThat(DirectCommand.of(new String[] {"replay", "--config=dir/a.yml"}))
        .isInstanceOfSatisfying(
            ReplayCommand.class, c -> assertThat(c.config).isEqualTo(Path.of("dir/a.yml")));
    assertThat(DirectCommand.of(new String[] {"run", "--config", "/etc/mlmon.yml"}))
        .isInstanceOfSatisfying(
            RunCommand.class, c -> assertThat(c.config).isEqualTo(Path.of("/etc/mlmon.yml")));
    assertThat(DirectCommand.of(new String[] {"run", "--config=mlmon.yml"}))
        .isInstanceOfSatisfying(
            RunCommand.class, c -> assertThat(c.config).isEqualTo(Path.of("mlmon.yml")));
    for (List<String> picocli :
        List.of(
            List.<String>of(),
            List.of("replay"),
            List.of("replay", "--config"),
            List.of("replay", "--config="),
            List.of("replay", "--help"),
            List.of("replay", "--config", "-h"),
            List.of("replay", "--config", "--output"),
            List.of("replay", "--config", "@args.txt"),
            List.of("replay", "--config=@args.txt"),
            List.of("replay", "--config", "a\0b.yml"),
            List.of("replay", "--output", "a.yml"),
            List.of("replay", "--config", "a.yml", "--output", "m.txt"),
            List.of("replay", "--config", "a.yml", "--config", "b.yml"),
            List.of("check-config", "--config", "a.yml"),
            List.of("profile", "--config", "a.yml"),
            List.of("demo", "--config", "a.yml"),
            List.of("--config", "a.yml", "replay"))) {
      assertThat(DirectCommand.of(picocli.toArray(String[]::new))).as("%s", picocli).isNull();
    }
  }

  @Test
  void both_paths_give_the_same_status_output_and_messages() throws Exception {
    Files.writeString(
        dir.resolve("p.jsonl"),
        "{\"model\":\"fraud\",\"id\":\"a\",\"score\":0.7,\"features\":{\"x\":1.5}}\n"
            + "{\"model\":\"fraud\",\"id\":\"a\",\"label\":1}\nnot json\n");
    Files.writeString(dir.resolve("ref.csv"), "x,score\n1.0,0.2\n2.5,0.9\n");
    Path good = dir.resolve("good.yml");
    Files.writeString(
        good,
        "sources: [{path: p.jsonl}]\nmodels: [{name: fraud, reference: ref.csv, threshold: 0.5}]\n"
            + "host: {enabled: false}\n");
    Path broken = dir.resolve("broken.yml");
    Files.writeString(broken, "sources:\n  - path: [unclosed\n");
    Path badKey = dir.resolve("bad.yml");
    Files.writeString(badKey, "sources: [{path: p.jsonl}]\nbogus: 1\n");
    Path noReference = dir.resolve("noref.yml");
    Files.writeString(
        noReference, "sources: [{path: p.jsonl}]\nmodels: [{name: fraud, reference: none.csv}]\n");
    String missing = dir.resolve("missing.yml").toString();
    for (String[] args :
        new String[][] {
          {"replay", "--config", good.toString()},
          {"replay", "--config=" + good},
          {"replay", "--config", broken.toString()},
          {"replay", "--config", badKey.toString()},
          {"replay", "--config", noReference.toString()},
          {"replay", "--config", missing},
          {"run", "--config", missing},
          {"run", "--config=" + broken},
          {"run", "--config", noReference.toString()}
        }) {
      assertThat(DirectCommand.of(args)).as("%s", List.of(args)).isNotNull();
      Outcome direct = run(true, args);
      Outcome picocli = run(false, args);
      assertThat(direct).as("%s", List.of(args)).isEqualTo(picocli);
    }
    Outcome replayed = run(true, "replay", "--config", good.toString());
    assertThat(replayed.status()).isZero();
    assertThat(replayed.stdout()).contains("mlmon_predictions_total{model=\"fraud\"");
    assertThat(run(true, "replay", "--config", missing).status()).isEqualTo(2);
  }
}
