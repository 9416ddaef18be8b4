package io.mlmon.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmon.quality.PendingPredictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path dir;

  private final PendingTables tables =
      new PendingTables(
          List.of("fraud", "churn"), List.of(List.of("v1", "v2"), List.of("unknown")));

  private CheckpointFile.PendingSource source(PendingPredictions p) {
    return new CheckpointFile.PendingSource() {
      @Override
      public PendingTables tables() {
        return tables;
      }

      @Override
      public int count() {
        return p.size();
      }

      @Override
      public void forEachOldestFirst(PendingPredictions.Visitor visitor) {
        p.forEachOldestFirst(visitor);
      }
    };
  }

  private final Map<String, List<FilePosition>> positions =
      Map.of(
          "predictions",
          List.of(
              new FilePosition(2049, 123456, "", 4096, "/var/log/p.jsonl.1"),
              new FilePosition(2049, 123999, "", 17, "/var/log/p.jsonl")));

  @Test
  void positions_and_pending_predictions_round_trip_in_order() throws Exception {
    PendingPredictions pending = new PendingPredictions(100, 1_000_000, (m, r) -> {});
    pending.add(11, 0, 1, (byte) 1, 0.75, 1000);
    pending.add(22, 1, 0, (byte) -1, Double.NaN, 2000);
    pending.add(33, 0, 0, (byte) 0, 0.1, 3000);
    pending.label(22);
    CheckpointFile file = new CheckpointFile(dir.resolve("state"));
    file.write(5000, positions, source(pending));

    List<String> restored = new ArrayList<>();
    PendingTables[] seen = new PendingTables[1];
    Optional<Checkpoint> read =
        file.read(
            t -> seen[0] = t,
            (key, time, model, version, flagged, labelled, score) ->
                restored.add(
                    key + "/" + time + "/" + model + "/" + version + "/" + flagged + "/" + labelled
                        + "/" + score));
    assertThat(read).isPresent();
    assertThat(read.get().writtenAtMillis()).isEqualTo(5000);
    assertThat(read.get().positions()).isEqualTo(positions);
    assertThat(seen[0]).isEqualTo(tables);
    assertThat(restored)
        .containsExactly(
            "11/1000/0/1/1/false/0.75", "22/2000/1/0/-1/true/NaN", "33/3000/0/0/0/false/0.1");
    assertThat(Files.exists(dir.resolve("state/checkpoint.tmp"))).isFalse();
  }

  @Test
  void no_file_means_no_checkpoint() throws Exception {
    assertThat(new CheckpointFile(dir).read(t -> {}, (k, t, m, v, f, l, s) -> {})).isEmpty();
  }

  @Test
  void a_flipped_bit_truncation_or_foreign_file_is_refused_before_anything_is_restored()
      throws Exception {
    CheckpointFile file = new CheckpointFile(dir);
    PendingPredictions pending = new PendingPredictions(10, 1000, (m, r) -> {});
    pending.add(1, 0, 0, (byte) 1, 0.5, 1);
    file.write(1, positions, source(pending));
    byte[] good = Files.readAllBytes(file.path());
    List<Long> restored = new ArrayList<>();

    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 0x10;
    Files.write(file.path(), flipped);
    assertThatThrownBy(() -> file.read(t -> {}, (k, t, m, v, f, l, s) -> restored.add(k)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("bad checksum");

    Files.write(file.path(), java.util.Arrays.copyOf(good, good.length - 5));
    assertThatThrownBy(() -> file.read(t -> {}, (k, t, m, v, f, l, s) -> restored.add(k)))
        .isInstanceOf(CorruptCheckpointException.class);

    Files.writeString(file.path(), "model: fraud\n");
    assertThatThrownBy(() -> file.read(t -> {}, (k, t, m, v, f, l, s) -> restored.add(k)))
        .isInstanceOf(CorruptCheckpointException.class);
    assertThat(restored).isEmpty();
  }

  @Test
  void a_state_dir_that_cannot_be_created_fails_the_write_and_keeps_the_old_checkpoint()
      throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
    CheckpointFile file = new CheckpointFile(blocker.resolve("state"));
    PendingPredictions pending = new PendingPredictions(10, 1000, (m, r) -> {});
    assertThatThrownBy(() -> file.write(1, positions, source(pending)))
        .isInstanceOf(IOException.class);
  }
}
