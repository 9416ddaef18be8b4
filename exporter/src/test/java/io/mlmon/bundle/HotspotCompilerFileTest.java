package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.cli.Main;
import io.mlmon.testing.RepoRoot;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compile commands ./mlmon and the image give the JVM: HotSpot ignores a command naming a
 * method that does not exist, so a rename would silently undo the inlining they ask for.
 */
class HotspotCompilerFileTest {
  private static final Path FILE = RepoRoot.resolve("exporter/src/main/jvm/hotspot_compiler");

  private static List<String> commands() throws IOException {
    return Files.readAllLines(FILE).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  @Test
  void every_method_it_names_exists() throws Exception {
    List<String> inlines = commands().stream().filter(c -> c.startsWith("inline ")).toList();
    assertThat(inlines).hasSizeGreaterThan(10);
    for (String command : inlines) {
      String target = command.substring("inline ".length());
      String[] parts = target.split("::");
      assertThat(parts).as(command).hasSize(2);
      Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader());
      assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
          .as(command)
          .contains(parts[1]);
    }
  }

  @Test
  void it_is_quiet_first_so_replay_output_stays_metrics_only() throws Exception {
    // Without "quiet", HotSpot prints every command to standard output, where replay writes.
    assertThat(commands().get(0)).isEqualTo("quiet");
    Path out = Files.createTempFile("mlmon-version", ".txt");
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-XX:CompileCommandFile=" + FILE,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "--version")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(Files.readString(out, StandardCharsets.UTF_8).strip()).startsWith("mlmon ");
      assertThat(Files.readAllLines(out)).hasSize(1);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void the_wrapper_and_the_image_use_it() throws IOException {
    assertThat(Files.readString(RepoRoot.resolve("mlmon")))
        .contains("-XX:CompileCommandFile=$root/exporter/src/main/jvm/hotspot_compiler");
    String dockerfile = Files.readString(RepoRoot.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("COPY exporter/src/main/jvm/hotspot_compiler /opt/mlmon/hotspot_compiler")
        .contains("\"-XX:CompileCommandFile=/opt/mlmon/hotspot_compiler\"");
  }
}
