package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

class CpuTicksTest {
  @Test
  void utilization_is_the_busy_share_of_the_ticks_that_passed() {
    CpuTicks before = new CpuTicks(1_000, 2_000);
    CpuTicks after = new CpuTicks(1_030, 2_100);
    assertThat(after.utilizationSince(before).getAsDouble()).isCloseTo(0.7, within(1e-12));
    assertThat(new CpuTicks(1_100, 2_100).utilizationSince(before).getAsDouble()).isZero();
    assertThat(new CpuTicks(1_000, 2_100).utilizationSince(before).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void no_utilization_when_no_tick_passed_or_the_counters_went_back() {
    CpuTicks t = new CpuTicks(1_000, 2_000);
    assertThat(t.utilizationSince(t)).isEmpty();
    assertThat(new CpuTicks(10, 20).utilizationSince(t)).isEmpty();
  }

  @Test
  void utilization_is_clamped_to_0_1_when_iowait_steps_backwards() {
    CpuTicks before = new CpuTicks(1_000, 2_000);
    // idle went down by more than the total grew: the kernel's iowait counter stepped back
    assertThat(new CpuTicks(900, 2_010).utilizationSince(before).getAsDouble()).isEqualTo(1.0);
    assertThat(new CpuTicks(1_050, 2_010).utilizationSince(before).getAsDouble()).isZero();
  }

  @Test
  void agrees_with_oshis_own_computation_on_the_same_tick_arrays() {
    CentralProcessor processor = new SystemInfo().getHardware().getProcessor();
    Random random = new Random(42);
    int types = CentralProcessor.TickType.values().length;
    for (int round = 0; round < 200; round++) {
      long[] old = new long[types];
      long[] now = new long[types];
      for (int i = 0; i < types; i++) {
        old[i] = random.nextInt(1_000_000);
        now[i] = old[i] + random.nextInt(round % 10 == 0 ? 3 : 10_000);
      }
      double oshi = processor.getSystemCpuLoadBetweenTicks(old, now);
      var ours = OshiHostSource.ticks(now).utilizationSince(OshiHostSource.ticks(old));
      if (ours.isPresent()) {
        assertThat(ours.getAsDouble()).as("round %d", round).isCloseTo(oshi, within(1e-12));
      } else {
        assertThat(oshi).as("round %d: no tick passed", round).isZero();
      }
    }
  }
}
