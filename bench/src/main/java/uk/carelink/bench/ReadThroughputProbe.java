package uk.carelink.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop {@code Patient/{id}} read throughput with a few concurrent connections (like the wrk
 * figure in PERFORMANCE.md), bounded by a duration and a request cap.
 */
final class ReadThroughputProbe {
  private static final int MAX_REQUESTS = 200_000;

  /** Requests per second and latency of the reads. */
  record Result(long requests, long failures, double seconds, Percentiles millis) {
    double requestsPerSecond() {
      return seconds > 0 ? (requests - failures) / seconds : Double.NaN;
    }
  }

  private final FhirHttpClient client;

  ReadThroughputProbe(FhirHttpClient client) {
    this.client = client;
  }

  Result run(List<String> ids, int threads, Duration duration) throws InterruptedException {
    if (ids.isEmpty()) {
      return new Result(0, 0, 0, Percentiles.of());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long endBy = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Double>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                List<Double> millis = new ArrayList<>();
                while (System.nanoTime() - endBy < 0) {
                  int n = next.getAndIncrement();
                  if (n >= MAX_REQUESTS) {
                    break;
                  }
                  try {
                    FhirHttpClient.Response r = client.get("Patient/" + ids.get(n % ids.size()));
                    millis.add(r.elapsedMillis());
                    if (!r.ok()) {
                      failures.incrementAndGet();
                    }
                  } catch (IOException e) {
                    millis.add(Double.NaN);
                    failures.incrementAndGet();
                  }
                }
                return millis;
              }));
    }
    List<Double> all = new ArrayList<>();
    try {
      for (Future<List<Double>> f : futures) {
        for (double d : f.get()) {
          if (!Double.isNaN(d)) {
            all.add(d);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("read probe failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long requests = Math.min(next.get(), MAX_REQUESTS);
    return new Result(requests, failures.get(), seconds, Percentiles.of(all));
  }
}
