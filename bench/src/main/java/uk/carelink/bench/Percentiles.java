package uk.carelink.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a sample: the p-th percentile is the smallest sample such that at
 * least p % of the samples are less than or equal to it.
 */
public final class Percentiles {
  private final double[] sorted;

  private Percentiles(double[] sorted) {
    this.sorted = sorted;
  }

  public static Percentiles of(Collection<? extends Number> samples) {
    return new Percentiles(samples.stream().mapToDouble(Number::doubleValue).sorted().toArray());
  }

  public static Percentiles of(double... samples) {
    double[] copy = samples.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * Returns the p-th percentile, or NaN for an empty sample.
   *
   * @param p percentile in (0, 100]
   */
  public double percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    // p * n first keeps integral products exact (95 * 20 / 100.0 == 19, not 19.000000000000004).
    int rank = (int) Math.ceil(p * sorted.length / 100.0);
    return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
  }

  public double p50() {
    return percentile(50);
  }

  public double p95() {
    return percentile(95);
  }

  public double p99() {
    return percentile(99);
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  public double mean() {
    return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
  }
}
