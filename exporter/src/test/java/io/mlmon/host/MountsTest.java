package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsTest {
  @TempDir Path dir;

  private static final List<MountSpace> MOUNTS =
      List.of(
          new MountSpace("/", 1),
          new MountSpace("/var", 2),
          new MountSpace("/var/log", 3),
          new MountSpace("/var/logs", 4),
          new MountSpace("relative", 5),
          new MountSpace("/data", 6),
          new MountSpace("/data", 7));

  private static String holding(String path) {
    return Mounts.holding(Path.of(path), MOUNTS).map(MountSpace::mountpoint).orElse(null);
  }

  @Test
  void the_longest_mountpoint_that_is_a_whole_prefix_holds_a_path() {
    assertThat(holding("/var/log/model/predictions.jsonl")).isEqualTo("/var/log");
    assertThat(holding("/var/log")).isEqualTo("/var/log");
    assertThat(holding("/var/logsx/a")).isEqualTo("/var");
    assertThat(holding("/var/logs/a")).isEqualTo("/var/logs");
    assertThat(holding("/etc/mlmon.yml")).isEqualTo("/");
    assertThat(holding("/")).isEqualTo("/");
  }

  @Test
  void of_two_mounts_on_one_mountpoint_the_last_one_on_top_wins() {
    assertThat(Mounts.holding(Path.of("/data/x"), MOUNTS).orElseThrow().freeBytes()).isEqualTo(7);
  }

  @Test
  void no_mount_holds_a_path_when_none_is_a_prefix() {
    assertThat(Mounts.holding(Path.of("/x"), List.of(new MountSpace("/y", 1)))).isEmpty();
  }

  @Test
  void several_paths_give_each_mount_once_sorted() {
    assertThat(
            Mounts.holdingAny(
                    List.of(
                        Path.of("/var/log/a.jsonl"),
                        Path.of("/var/log/b.jsonl"),
                        Path.of("/var/lib/mlmon"),
                        Path.of("/srv")),
                    MOUNTS)
                .stream()
                .map(MountSpace::mountpoint))
        .containsExactly("/", "/var", "/var/log");
  }

  @Test
  void a_path_not_created_yet_or_a_glob_lives_where_its_nearest_existing_parent_does()
      throws Exception {
    Path real = dir.toRealPath();
    assertThat(Mounts.realLocation(dir.resolve("not/yet/there.jsonl"))).hasValue(real);
    assertThat(Mounts.realLocation(dir.resolve("predictions*.jsonl"))).hasValue(real);
    Files.createDirectory(dir.resolve("logs"));
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("logs"));
    assertThat(Mounts.realLocation(dir.resolve("link/p.jsonl"))).hasValue(real.resolve("logs"));
  }
}
