package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlmon.config.MlmonConfig;
import io.mlmon.drift.ReferenceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyLoadTest {
  @TempDir Path dir;

  private Path config(String name, String model, String reference) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "sources: [{path: p.jsonl}]\nmodels: [{name: "
            + model
            + ", reference: "
            + reference
            + "}]\n");
    return file;
  }

  private Path reference(String name, String firstColumn) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, firstColumn + ",score\n1.5,0.1\n2.5,0.9\n3.5,0.4\n");
    return file;
  }

  /** Waits for the early load's thread to finish, so what it read is in memory. */
  private static void awaitEarlyLoadThread() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("mlmon-early-load"))) {
      assertThat(System.nanoTime()).as("early load still running").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void reads_the_config_path_of_run_and_replay_only() {
    assertThat(EarlyLoad.configArgument(new String[] {"replay", "--config", "a.yml"}))
        .isEqualTo(Path.of("a.yml"));
    assertThat(EarlyLoad.configArgument(new String[] {"run", "--config=b.yml"}))
        .isEqualTo(Path.of("b.yml"));
    assertThat(
            EarlyLoad.configArgument(
                new String[] {"replay", "--output", "m.prom", "--config", "c.yml"}))
        .isEqualTo(Path.of("c.yml"));
    assertThat(EarlyLoad.configArgument(new String[] {"check-config", "--config", "a.yml"}))
        .isNull();
    assertThat(EarlyLoad.configArgument(new String[] {"replay", "--config", "a", "--config=b"}))
        .isNull();
    assertThat(EarlyLoad.configArgument(new String[] {"replay", "--config"})).isNull();
    assertThat(EarlyLoad.configArgument(new String[] {"replay", "--", "--config", "a"})).isNull();
    assertThat(EarlyLoad.configArgument(new String[] {"replay", "--config="})).isNull();
    assertThat(EarlyLoad.configArgument(new String[] {"replay"})).isNull();
  }

  @Test
  void the_command_gets_what_was_loaded_before_it_asked() throws Exception {
    Path reference = reference("ref.csv", "amount");
    Path config = config("mlmon.yml", "fraud", reference.toString());
    EarlyLoad.begin(new String[] {"replay", "--config", config.toString()});
    awaitEarlyLoadThread();
    // Gone from disk: only the early load can still give them.
    Files.delete(config);
    Files.delete(reference);

    MlmonConfig loaded = EarlyLoad.config(config);
    Map<String, ReferenceProfile> references = EarlyLoad.references(loaded);

    assertThat(loaded.models().get(0).name()).isEqualTo("fraud");
    assertThat(references.get("fraud").features())
        .extracting(f -> f.name())
        .containsExactly("amount");
  }

  @Test
  void another_config_than_the_one_begun_is_loaded_by_the_command() throws Exception {
    Path early = config("early.yml", "early", reference("early.csv", "a").toString());
    Path asked = config("asked.yml", "asked", reference("asked.csv", "b").toString());
    EarlyLoad.begin(new String[] {"run", "--config", early.toString()});

    MlmonConfig loaded = EarlyLoad.config(asked);
    Map<String, ReferenceProfile> references = EarlyLoad.references(loaded);

    assertThat(loaded.models().get(0).name()).isEqualTo("asked");
    assertThat(references.get("asked").features()).extracting(f -> f.name()).containsExactly("b");
    // A later command line that names no config forgets the load begun before it.
    EarlyLoad.begin(new String[] {"run", "--config", early.toString()});
    EarlyLoad.begin(new String[] {"check-config", "--config", early.toString()});
    awaitEarlyLoadThread();
    Files.writeString(early, "sources: [{path: p.jsonl}]\nmodels: [{name: rewritten}]\n");
    assertThat(EarlyLoad.config(early).models().get(0).name()).isEqualTo("rewritten");
  }

  @Test
  void errors_are_the_ones_loading_it_directly_gives() throws Exception {
    Path broken = dir.resolve("broken.yml");
    Files.writeString(broken, "sources: [{path: p.jsonl}]\nmodels: [{name: fraud, colour: red}]\n");
    String direct =
        catchThrowableOfType(UserError.class, () -> ConfigFile.load(broken)).getMessage();
    EarlyLoad.begin(new String[] {"replay", "--config", broken.toString()});
    UserError early = catchThrowableOfType(UserError.class, () -> EarlyLoad.config(broken));
    assertThat(early.getMessage()).isEqualTo(direct).contains("colour");
    assertThat(early.exitCode()).isEqualTo(2);

    Path badCsv = dir.resolve("bad.csv");
    Files.writeString(badCsv, "a,score\n\"1.5,0.1\n");
    Path noReference = config("bad-ref.yml", "fraud", badCsv.toString());
    MlmonConfig direct2 = ConfigFile.load(noReference);
    String directReferenceError =
        catchThrowableOfType(UserError.class, () -> References.load(direct2)).getMessage();
    EarlyLoad.begin(new String[] {"replay", "--config", noReference.toString()});
    MlmonConfig loaded = EarlyLoad.config(noReference);
    UserError referenceError =
        catchThrowableOfType(UserError.class, () -> EarlyLoad.references(loaded));
    assertThat(referenceError.getMessage())
        .isEqualTo(directReferenceError)
        .startsWith("models[0].reference: ");
  }
}
