package uk.carelink.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How far a throughput ratio measured on paired pushes can be trusted. The validation bench sends
 * each push to both servers one after the other, so a pair shares whatever the machine was doing at
 * the time; the headline ratio is one total time over the other. This class adds the median of the
 * per-pair ratios (which a burst of outside load on a few pairs does not move) and a 95 % interval
 * for the headline ratio from a moving-block bootstrap over the pairs: blocks of consecutive pairs
 * are resampled, because outside load comes in bursts lasting many pushes (bench/README.md,
 * 2026-12-07, seventh session), so neighbouring pairs are not independent.
 *
 * <p>Every ratio here is "validated throughput / unvalidated throughput", that is unvalidated time
 * over validated time.
 */
record PairedRatio(int pairs, double ratio, double medianPairRatio, double low, double high) {

  /** Resamples drawn for the interval: enough for stable 2.5th and 97.5th percentiles. */
  static final int RESAMPLES = 2_000;

  /**
   * Consecutive pairs resampled together: about 10 s of pushes, the scale of the bursts of outside
   * load seen on this machine kind.
   */
  static final int BLOCK_PAIRS = 20;

  /** Fixed, so that the same timings always give the same interval. */
  private static final long SEED = 20261207L;

  /**
   * @param validatedNanos time of each pair's push to the validating server
   * @param unvalidatedNanos time of the same push to the other server, same order
   */
  static PairedRatio of(long[] validatedNanos, long[] unvalidatedNanos) {
    if (validatedNanos.length != unvalidatedNanos.length || validatedNanos.length == 0) {
      throw new IllegalArgumentException(
          "need the same number of pushes on both sides, at least one: "
              + validatedNanos.length
              + " and "
              + unvalidatedNanos.length);
    }
    int n = validatedNanos.length;
    double[] pairRatios = new double[n];
    for (int i = 0; i < n; i++) {
      pairRatios[i] = (double) unvalidatedNanos[i] / validatedNanos[i];
    }
    Percentiles resampled = Percentiles.of(bootstrap(validatedNanos, unvalidatedNanos));
    return new PairedRatio(
        n,
        (double) sum(unvalidatedNanos) / sum(validatedNanos),
        Percentiles.of(pairRatios).p50(),
        resampled.percentile(2.5),
        resampled.percentile(97.5));
  }

  private static double[] bootstrap(long[] validated, long[] unvalidated) {
    int n = validated.length;
    int block = Math.min(BLOCK_PAIRS, n);
    int blocksPerResample = (n + block - 1) / block;
    SplittableRandom random = new SplittableRandom(SEED);
    double[] ratios = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      long v = 0;
      long u = 0;
      for (int b = 0; b < blocksPerResample; b++) {
        int start = random.nextInt(n - block + 1);
        for (int i = start; i < start + block; i++) {
          v += validated[i];
          u += unvalidated[i];
        }
      }
      ratios[r] = (double) u / v;
    }
    return ratios;
  }

  private static long sum(long[] values) {
    return Arrays.stream(values).sum();
  }

  /**
   * One line for the report, e.g. {@code 0.83 (95 % interval 0.80–0.86 over 300 pairs; median pair
   * 0.84)}.
   */
  String summary() {
    return String.format(
        Locale.ROOT,
        "%.2f (95 %% interval %.2f–%.2f over %d pairs; median pair %.2f)",
        ratio,
        low,
        high,
        pairs,
        medianPairRatio);
  }
}
