package uk.carelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts bundles with N concurrent clients and times the whole run. Work comes in phases (a phase
 * starts when the previous one is complete, e.g. Synthea's hospital bundles before its patients);
 * inside a phase, items of the same lane (e.g. one care home) are never in flight at once, as a
 * home's daily pushes arrive one after another in reality.
 */
public final class IngestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DISTINCT_ERRORS = 8;

  /** Sends one bundle. */
  @FunctionalInterface
  public interface Sender {
    FhirHttpClient.Response send(FhirHttpClient client) throws IOException, InterruptedException;
  }

  /**
   * One bundle to post.
   *
   * @param lane items sharing a non-null lane are posted one at a time, in order
   * @param batch true for batch bundles, whose entries can fail one by one inside an HTTP 200
   */
  public record Item(String label, String lane, int entries, boolean batch, Sender sender) {}

  /** What one ingest run achieved. */
  public record Result(
      String name,
      int clients,
      int bundles,
      int failedBundles,
      long entriesPosted,
      long entriesStored,
      double wallSeconds,
      Percentiles bundleMillis,
      Map<String, Integer> errors,
      boolean complete) {
    public double resourcesPerSecond() {
      return wallSeconds > 0 ? entriesStored / wallSeconds : Double.NaN;
    }
  }

  private final FhirHttpClient client;
  private final int clients;
  private final Duration deadline;
  private final PrintStream log;

  public IngestRunner(FhirHttpClient client, int clients, Duration deadline, PrintStream log) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1");
    }
    this.client = client;
    this.clients = clients;
    this.deadline = deadline;
    this.log = log;
  }

  public Result run(String name, List<List<Item>> phases) throws InterruptedException {
    int total = phases.stream().mapToInt(List::size).sum();
    Tally tally = new Tally(total);
    long endBy = System.nanoTime() + deadline.toNanos();
    boolean complete = true;
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (List<Item> phase : phases) {
        Scheduler scheduler = new Scheduler(phase);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          workers.add(
              pool.submit(
                  () -> {
                    work(scheduler, tally, endBy);
                    return null;
                  }));
        }
        for (Future<?> f : workers) {
          try {
            f.get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ingest worker failed", e.getCause());
          }
        }
        if (scheduler.remaining() > 0) {
          complete = false;
          log.printf(
              "  %s: deadline of %s reached, %d bundles not sent%n",
              name, deadline, scheduler.remaining());
          break;
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new Result(
        name,
        clients,
        tally.bundles.get(),
        tally.failedBundles.get(),
        tally.entriesPosted(),
        tally.entriesStored(),
        wall,
        Percentiles.of(tally.millis()),
        tally.errors(),
        complete);
  }

  private void work(Scheduler scheduler, Tally tally, long endBy) throws InterruptedException {
    while (System.nanoTime() - endBy < 0) {
      Item item = scheduler.take();
      if (item == null) {
        return;
      }
      try {
        FhirHttpClient.Response response;
        long start = System.nanoTime();
        try {
          response = item.sender().send(client);
        } catch (IOException e) {
          response = new FhirHttpClient.Response(0, "I/O error: " + e, System.nanoTime() - start);
        }
        tally.record(item, response, log);
      } finally {
        scheduler.done(item);
      }
    }
  }

  /** Hands out items in order, skipping those whose lane is busy. */
  private static final class Scheduler {
    private final Deque<Item> pending;
    private final Set<String> busyLanes = new HashSet<>();

    Scheduler(List<Item> items) {
      this.pending = new ArrayDeque<>(items);
    }

    synchronized Item take() throws InterruptedException {
      while (!pending.isEmpty()) {
        for (Iterator<Item> it = pending.iterator(); it.hasNext(); ) {
          Item item = it.next();
          if (item.lane() == null || busyLanes.add(item.lane())) {
            it.remove();
            return item;
          }
        }
        wait(1000);
      }
      return null;
    }

    synchronized void done(Item item) {
      if (item.lane() != null) {
        busyLanes.remove(item.lane());
      }
      notifyAll();
    }

    synchronized int remaining() {
      return pending.size();
    }
  }

  /** Thread-safe counters. */
  private static final class Tally {
    private final int total;
    private final AtomicInteger bundles = new AtomicInteger();
    private final AtomicInteger failedBundles = new AtomicInteger();
    private long posted;
    private long stored;
    private final List<Double> millis = new ArrayList<>();
    private final Map<String, Integer> errors = new LinkedHashMap<>();

    Tally(int total) {
      this.total = total;
    }

    void record(Item item, FhirHttpClient.Response response, PrintStream log) {
      int failedEntries = 0;
      String error = null;
      if (!response.ok()) {
        failedEntries = item.entries();
        error = "HTTP " + response.status() + ": " + diagnostics(response.body());
      } else if (item.batch()) {
        BatchOutcome outcome = batchOutcome(response.body());
        failedEntries = outcome.failed;
        error = outcome.firstError;
      }
      int n = bundles.incrementAndGet();
      if (failedEntries > 0) {
        failedBundles.incrementAndGet();
      }
      synchronized (this) {
        posted += item.entries();
        stored += item.entries() - failedEntries;
        millis.add(response.elapsedMillis());
        if (error != null) {
          String key = FhirHttpClient.abbreviate(error, 400);
          if (errors.containsKey(key) || errors.size() < MAX_DISTINCT_ERRORS) {
            errors.merge(key, 1, Integer::sum);
          }
        }
      }
      if (error != null) {
        log.printf(
            "  FAILED %s (%d entries): %s%n",
            item.label(), item.entries(), FhirHttpClient.abbreviate(error, 300));
      }
      int step = Math.max(1, total / 10);
      if (n % step == 0 || n == total) {
        log.printf(
            "  %d/%d bundles, last %s %.0f ms%n", n, total, item.label(), response.elapsedMillis());
      }
    }

    synchronized long entriesPosted() {
      return posted;
    }

    synchronized long entriesStored() {
      return stored;
    }

    synchronized List<Double> millis() {
      return new ArrayList<>(millis);
    }

    synchronized Map<String, Integer> errors() {
      return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
  }

  private record BatchOutcome(int failed, String firstError) {}

  private static BatchOutcome batchOutcome(String body) {
    try {
      JsonNode bundle = JSON.readTree(body);
      int failed = 0;
      String first = null;
      for (JsonNode entry : bundle.path("entry")) {
        String status = entry.path("response").path("status").asText("");
        if (!status.startsWith("2")) {
          failed++;
          if (first == null) {
            first =
                "batch entry "
                    + status
                    + ": "
                    + diagnostics(entry.path("response").path("outcome").toString());
          }
        }
      }
      return new BatchOutcome(failed, first);
    } catch (IOException e) {
      return new BatchOutcome(0, "unreadable batch response: " + e.getMessage());
    }
  }

  /** The diagnostics of an OperationOutcome, or the start of the body. */
  static String diagnostics(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && "OperationOutcome".equals(node.path("resourceType").asText())) {
        List<String> parts = new ArrayList<>();
        for (JsonNode issue : node.path("issue")) {
          String text = issue.path("diagnostics").asText("");
          if (text.isEmpty()) {
            text = issue.path("details").path("text").asText("");
          }
          String where = issue.path("expression").path(0).asText("");
          parts.add(
              issue.path("severity").asText("?")
                  + " "
                  + text
                  + (where.isEmpty() ? "" : " @" + where));
        }
        return String.join(" | ", parts);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall through
    }
    return FhirHttpClient.abbreviate(body, 300);
  }
}
