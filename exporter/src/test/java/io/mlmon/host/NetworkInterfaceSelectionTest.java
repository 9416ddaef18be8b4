package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkInterfaceSelectionTest {
  private static NetworkInterfaceInfo up(String name) {
    return new NetworkInterfaceInfo(name, false, true);
  }

  @Test
  void loopback_and_container_peers_are_left_out() {
    assertThat(
            NetworkInterfaceSelection.select(
                List.of(
                    new NetworkInterfaceInfo("lo", true, false),
                    up("eth0"),
                    up("veth1a2b3c"),
                    up("cali12345"),
                    up("lxc98765"),
                    up("docker0"),
                    new NetworkInterfaceInfo("ifb0", false, false))))
        .containsExactly("docker0", "eth0", "ifb0");
  }

  @Test
  void at_most_the_limit_remain_preferring_interfaces_that_are_up() {
    List<NetworkInterfaceInfo> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new NetworkInterfaceInfo(String.format("a%02d", i), false, false));
    }
    many.add(up("zz-up"));
    List<String> chosen = NetworkInterfaceSelection.select(many);
    assertThat(chosen).hasSize(NetworkInterfaceSelection.MAX_INTERFACES).contains("zz-up");
    assertThat(chosen).isSorted().doesNotHaveDuplicates();
  }
}
