package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartPositionTest {
  private static final FileIdentity KNOWN = new FileIdentity(1, 100, "");
  private static final FileIdentity OTHER = new FileIdentity(1, 200, "");
  private static final long CHECKPOINT = 1_000_000;

  private final StartPosition resume =
      StartPosition.resume(Map.of(KNOWN, 500L), CHECKPOINT, StartPosition.end());

  @Test
  void a_checkpointed_file_resumes_at_its_offset() {
    assertThat(resume.offset(KNOWN, 800, CHECKPOINT + 10, true)).isEqualTo(500);
    assertThat(resume.offset(KNOWN, 500, CHECKPOINT - 10, true)).isEqualTo(500);
  }

  @Test
  void a_checkpointed_file_that_shrank_was_truncated_and_is_read_again() {
    assertThat(resume.offset(KNOWN, 100, CHECKPOINT + 10, true)).isZero();
  }

  @Test
  void a_file_written_while_mlmon_was_down_is_read_from_its_start() {
    assertThat(resume.offset(OTHER, 900, CHECKPOINT + 1, true)).isZero();
  }

  @Test
  void an_unknown_file_untouched_since_the_checkpoint_follows_start_at() {
    assertThat(resume.offset(OTHER, 900, CHECKPOINT - 1, true)).isEqualTo(900);
  }

  @Test
  void a_file_that_appears_later_is_read_from_its_start() {
    assertThat(resume.offset(OTHER, 900, CHECKPOINT - 1, false)).isZero();
    assertThat(StartPosition.end().offset(OTHER, 900, 0, false)).isZero();
    assertThat(StartPosition.end().offset(OTHER, 900, 0, true)).isEqualTo(900);
  }
}
