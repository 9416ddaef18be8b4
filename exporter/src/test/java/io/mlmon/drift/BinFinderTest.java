package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BinFinder finds exactly the bin {@link Bins#searchLeft} (NumPy's rule) finds: by the sign count
 * for a few finite edges, and by searchLeft itself for more or for infinite ones.
 */
class BinFinderTest {
  private static void assertSameBins(double[] edges, double[] values) {
    BinFinder finder = new BinFinder(edges);
    for (double x : values) {
      assertThat(finder.binOf(x))
          .as("bin of %s among %s", x, Arrays.toString(edges))
          .isEqualTo(Bins.searchLeft(edges, x));
    }
  }

  /** The edges themselves, their neighbouring doubles, and the values that break arithmetic. */
  private static double[] probes(double[] edges, Random random, int extra) {
    List<Double> out = new ArrayList<>();
    for (double e : edges) {
      out.add(e);
      out.add(Math.nextUp(e));
      out.add(Math.nextDown(e));
    }
    for (double v :
        new double[] {
          0.0,
          -0.0,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MAX_VALUE,
          -Double.MAX_VALUE,
          Double.MIN_VALUE,
          -Double.MIN_VALUE
        }) {
      out.add(v);
    }
    double low = edges.length == 0 ? -1 : edges[0];
    double high = edges.length == 0 ? 1 : edges[edges.length - 1];
    double span = Math.max(1e-300, high - low);
    for (int i = 0; i < extra; i++) {
      out.add(low - span + random.nextDouble() * 3 * span);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void quantile_edges_of_many_distributions() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(2000);
      double[] sample = new double[n];
      for (int i = 0; i < n; i++) {
        sample[i] =
            switch (round % 5) {
              case 0 -> random.nextGaussian();
              case 1 -> Math.exp(3 * random.nextGaussian()); // heavy tail: crowded edges
              case 2 -> random.nextInt(4); // few distinct values
              case 3 -> 1e6 + random.nextDouble() * 1e-6; // a tiny range far from zero
              default -> (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextInt(600) - 300);
            };
      }
      Arrays.sort(sample);
      int bins = 2 + random.nextInt(40);
      double[] edges = Bins.quantileEdges(sample, bins);
      assertSameBins(edges, probes(edges, random, 200));
      assertSameBins(edges, sample);
    }
  }

  @Test
  void edges_that_break_arithmetic() {
    Random random = new Random(7);
    double[][] cases = {
      {},
      {3.5},
      {-0.0},
      {-1, -0.0, 1},
      {-2, -1, -0.0, 1e-300, 1},
      {-Double.MAX_VALUE, Double.MAX_VALUE},
      {-Double.MAX_VALUE, 0, Double.MAX_VALUE},
      {0, Double.MIN_VALUE},
      {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY},
      {1, Math.nextUp(1.0), Math.nextUp(Math.nextUp(1.0))},
      {-1e-320, 1e-320}
    };
    for (double[] edges : cases) {
      assertSameBins(edges, probes(edges, random, 100));
    }
  }

  @Test
  void many_edges_past_the_few_counted_directly() {
    double[] edges = new double[BinFinder.FEW_EDGES + 1];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = i - 8.0; // -0.0 nowhere, but 0.0 once
    }
    edges[8] = -0.0;
    assertSameBins(edges, probes(edges, new Random(5), 1000));
  }

  @Test
  void many_crowded_edges_and_one_far_away() {
    double[] edges = new double[200];
    for (int i = 0; i < 199; i++) {
      edges[i] = i * 1e-9; // crowded near 0, far below the last edge
    }
    edges[199] = 1e6;
    assertSameBins(edges, probes(edges, new Random(3), 1000));
  }
}
