package io.mlmon.host;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which network interfaces get a series. Loopback is left out (it is the host talking to itself,
 * probes included, not serving traffic); so are the host side of container network pairs ({@code
 * veth*}, Calico's {@code cali*}, Cilium's {@code lxc*}), which come and go with every pod and
 * would churn series. At most {@link #MAX_INTERFACES} remain, interfaces that are up first.
 */
final class NetworkInterfaceSelection {
  static final int MAX_INTERFACES = 16;
  private static final Pattern CONTAINER_PEERS = Pattern.compile("^(veth|cali|lxc)");

  private NetworkInterfaceSelection() {}

  /** Whether an interface is worth a series at all, before the limit. */
  static boolean eligible(NetworkInterfaceInfo i) {
    return !i.loopback() && !CONTAINER_PEERS.matcher(i.name()).find();
  }

  /** The names of the interfaces to report, sorted by name. */
  static List<String> select(List<NetworkInterfaceInfo> interfaces) {
    return interfaces.stream()
        .filter(NetworkInterfaceSelection::eligible)
        .sorted(
            Comparator.comparing((NetworkInterfaceInfo i) -> !i.up())
                .thenComparing(NetworkInterfaceInfo::name))
        .limit(MAX_INTERFACES)
        .map(NetworkInterfaceInfo::name)
        .distinct()
        .sorted()
        .toList();
  }
}
