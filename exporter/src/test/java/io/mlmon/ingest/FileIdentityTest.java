package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FileIdentity's hand-written equals and hashCode keep a record's meaning: equal components. */
class FileIdentityTest {
  @Test
  void identities_are_equal_exactly_when_every_component_is() {
    List<FileIdentity> distinct =
        List.of(
            new FileIdentity(1, 2, ""),
            new FileIdentity(2, 1, ""),
            new FileIdentity(1, 3, ""),
            new FileIdentity(0, 0, "(dev=1,ino=2)"),
            new FileIdentity(0, 0, "/var/log/a.jsonl"),
            new FileIdentity(1, 2, "x"));
    for (FileIdentity a : distinct) {
      FileIdentity copy = new FileIdentity(a.device(), a.inode(), new String(a.fallbackKey()));
      assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
      for (FileIdentity b : distinct) {
        assertThat(a.equals(b)).as("%s vs %s", a, b).isEqualTo(a == b);
      }
    }
    assertThat(distinct.get(0)).isNotEqualTo(null).isNotEqualTo("1 2");
    Set<FileIdentity> set = new HashSet<>(distinct);
    set.addAll(distinct);
    assertThat(set).hasSize(distinct.size());
  }
}
