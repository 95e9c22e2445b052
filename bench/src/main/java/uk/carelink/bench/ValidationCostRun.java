package uk.carelink.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.carelink.bench.ProcStatus.ThreadGroup;

/**
 * Cost of profile validation on ingest, measured in one run with the same data: two servers, the
 * same jar on two throw-away databases, one validating writes and one with validation switched off
 * ({@code carelink.validation.enabled=false}), are sent the very same profiled care home pushes
 * alternately (push by push, or in batches), so drift (JIT, growing tables) and machine noise fall
 * on both sides alike and the only difference is the switch. With batches, both servers have
 * finished linking what they were sent (MDM) before each batch, so a batch competes with its own
 * server's background work and not with the other server's. The result is the ratio of resources/s
 * validated to unvalidated (target ≥ 0.8), the validating server's own mean validation time per
 * resource ({@code carelink_validation_seconds}) and what its commits waited for validation ({@code
 * carelink_validation_commit_wait_seconds}) and, when the bench started the servers, the CPU time
 * each server process used per resource over the measured pushes: throughput on two busy cores
 * swings with what the other server happens to be doing, CPU per resource much less.
 */
final class ValidationCostRun {

  /**
   * Pushes per side before measuring. The validator runs a large body of code that the JIT compiles
   * over the first few thousand resources: after 5 pushes per side a validation still costs about
   * twice its steady-state CPU, after 30 about 1.3 times (measured in-process on these pushes), and
   * on the servers the JIT compiler threads still used 0.6–1.1 ms of CPU per resource after 200
   * pushes (bench/README.md). A server ingests for days, so the steady state is what the ratio
   * should describe.
   */
  static final int DEFAULT_WARMUP_PUSHES = 200;

  /**
   * Pushes per side measured: about 21,000 resources, 60–90 s per side. Outside load on this
   * machine kind comes in bursts of 10–40 s that can make the same work take 1.5–2 times as long
   * (seen in-process, with no compilation or collection to explain it: bench/README.md, 2026-12-07,
   * seventh session); over 100 pushes per side one such burst moved the ratio by up to ±0.06, over
   * 300 it is averaged out more, and {@link PairedRatio} says how far.
   */
  static final int DEFAULT_PUSHES = 300;

  /**
   * Pushes one side receives before the other gets the same ones. 1 (the default) alternates push
   * by push and never waits, so both servers' background work (MDM) goes on throughout. More than
   * one: each batch starts once both servers have finished linking, so a batch competes only with
   * its own server's background work (bench/README.md has both kinds of run).
   */
  static final int DEFAULT_BATCH_PUSHES = 1;

  /** How long the servers may take to finish linking between batches before the run fails. */
  private static final Duration LINKING_DEADLINE = Duration.ofMinutes(10);

  record Result(
      int warmupPushesPerSide,
      int pushesPerSide,
      int batchPushes,
      int entriesPerPush,
      double validatedSeconds,
      double unvalidatedSeconds,
      double meanValidationMillis,
      long validations,
      double commitWaitMillisPerPush,
      ServerCpu validatedCpu,
      ServerCpu unvalidatedCpu,
      PairedRatio paired) {

    double validatedRate() {
      return resources() / validatedSeconds;
    }

    double unvalidatedRate() {
      return resources() / unvalidatedSeconds;
    }

    double ratio() {
      return validatedRate() / unvalidatedRate();
    }

    private double resources() {
      return pushesPerSide * (double) entriesPerPush;
    }

    /** CPU seconds over the measured pushes as ms per measured resource. */
    private double millisPerResource(double cpuSeconds) {
      return cpuSeconds * 1000 / resources();
    }

    private String cpuRows() {
      if (!validatedCpu.known() || !unvalidatedCpu.known()) {
        return "| server CPU per resource, ms | (servers not started by the bench) | | |\n";
      }
      StringBuilder rows =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "| server CPU per resource, ms | %.2f | %.2f | %.2f |%n",
                  millisPerResource(validatedCpu.totalSeconds()),
                  millisPerResource(unvalidatedCpu.totalSeconds()),
                  unvalidatedCpu.totalSeconds() / validatedCpu.totalSeconds()));
      for (ThreadGroup group : ThreadGroup.values()) {
        rows.append(
            cpuRow(
                "of which " + GROUP_NAMES.get(group),
                validatedCpu.seconds(group),
                unvalidatedCpu.seconds(group)));
      }
      rows.append(
          cpuRow(
              "of which the rest (requests, linkage, …)",
              validatedCpu.otherSeconds(),
              unvalidatedCpu.otherSeconds()));
      return rows.toString();
    }

    private String cpuRow(String label, double validatedSeconds, double unvalidatedSeconds) {
      return String.format(
          Locale.ROOT,
          "| %s | %.2f | %.2f | |%n",
          label,
          millisPerResource(validatedSeconds),
          millisPerResource(unvalidatedSeconds));
    }

    String markdown(String context) {
      return String.format(
          Locale.ROOT,
          """
          ## Profile validation cost on ingest

          %s

          | figure | validation on | validation off | ratio on / off |
          |---|---:|---:|---:|
          | ingest, resources/s | %.1f | %.1f | %.2f |
          | wall time, s | %.2f | %.2f | %.2f |
          %s
          Ratio with its spread: %s. A pair is a push (or a batch) as both servers took
          it; the interval comes from resampling blocks of consecutive pairs (`PairedRatio`), and
          the median pair is what a burst of outside load on a few pairs does not move.

          %d pushes per side, %d entries each claiming their profiles, posted by one client,
          %s (which goes first alternates), after %s.
          Server-side validation: %d resources, mean %.2f ms per resource
          (`carelink_validation_seconds`); a push's commit spent %.1f ms on average validating
          and waiting for validations storage had not overlapped
          (`carelink_validation_commit_wait_seconds`). Target: ratio ≥ 0.8.
          """,
          context,
          validatedRate(),
          unvalidatedRate(),
          ratio(),
          validatedSeconds,
          unvalidatedSeconds,
          validatedSeconds / unvalidatedSeconds,
          cpuRows(),
          paired.summary(),
          pushesPerSide,
          entriesPerPush,
          batchPushes == 1
              ? "each push to one server and then to the other"
              : "in batches of "
                  + batchPushes
                  + " pushes to one server and then the same batch to the other, both servers"
                  + " having finished linking (MDM) before each batch",
          "a warm-up of " + warmupPushesPerSide + " pushes per side (not counted)",
          validations,
          meanValidationMillis,
          commitWaitMillisPerPush);
    }
  }

  private static final Map<ThreadGroup, String> GROUP_NAMES =
      Map.of(
          ThreadGroup.JIT_COMPILER, "JIT compiler threads",
          ThreadGroup.GARBAGE_COLLECTOR, "garbage collector threads",
          ThreadGroup.VALIDATION, "validation threads");

  private static final Pattern COMMIT_WAIT_SUM =
      Pattern.compile(
          "^carelink_validation_commit_wait_seconds_sum\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern COUNT =
      Pattern.compile("^carelink_validation_seconds_count\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern SUM =
      Pattern.compile("^carelink_validation_seconds_sum\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);

  private final FhirHttpClient validating;
  private final FhirHttpClient notValidating;
  private final URI prometheus;
  private final Supplier<ServerCpu> validatingCpu;
  private final Supplier<ServerCpu> notValidatingCpu;
  private final PrintStream log;
  private final HttpClient http = FhirHttpClient.newHttpClient();

  /** Progress of the waits between batches is not part of the report. */
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /**
   * @param validating a server that validates writes; its root serves {@code /actuator/prometheus}
   * @param notValidating the same server build with validation switched off
   * @param validatingCpu CPU the validating server's process has used so far ({@link
   *     ServerCpu#UNKNOWN} for a server the bench did not start)
   * @param notValidatingCpu the same for the other server
   */
  ValidationCostRun(
      FhirHttpClient validating,
      URI validatingRoot,
      FhirHttpClient notValidating,
      Supplier<ServerCpu> validatingCpu,
      Supplier<ServerCpu> notValidatingCpu,
      PrintStream log) {
    this.validating = validating;
    this.notValidating = notValidating;
    this.validatingCpu = validatingCpu;
    this.notValidatingCpu = notValidatingCpu;
    this.prometheus = Loopback.require(URI.create(validatingRoot + "/actuator/prometheus"));
    this.log = log;
  }

  Result run(int warmupPushesPerSide, int pushesPerSide, int batchPushes, int residentsPerPush)
      throws IOException, InterruptedException {
    if (batchPushes < 1) {
      throw new IllegalArgumentException("--batch-pushes must be at least 1");
    }
    ProfiledPushGenerator generator = new ProfiledPushGenerator(residentsPerPush);
    for (int i = 0; i < warmupPushesPerSide; i++) {
      byte[] push = generator.next(true);
      post(push, true);
      post(push, false);
    }
    if (batchPushes > 1) {
      awaitLinked(true);
      awaitLinked(false);
    }
    double[] before = validationMetric();
    ServerCpu validatedCpuBefore = validatingCpu.get();
    ServerCpu unvalidatedCpuBefore = notValidatingCpu.get();
    int batchCount = (pushesPerSide + batchPushes - 1) / batchPushes;
    long[] validatedPerBatch = new long[batchCount];
    long[] unvalidatedPerBatch = new long[batchCount];
    int batches = 0;
    for (int sent = 0; sent < pushesPerSide; sent += batchPushes, batches++) {
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(batchPushes, pushesPerSide - sent); i++) {
        batch.add(generator.next(true));
      }
      // Alternate which side goes first, so neither always follows the other.
      boolean first = batches % 2 == 0;
      long a = postAll(batch, first);
      long b = postAll(batch, !first);
      validatedPerBatch[batches] = first ? a : b;
      unvalidatedPerBatch[batches] = first ? b : a;
      if (batchPushes > 1) {
        log.printf(
            Locale.ROOT,
            "  %tT batch %d (%d pushes, %s first): validated %.2f s, not validated %.2f s%n",
            System.currentTimeMillis(),
            batches + 1,
            batch.size(),
            first ? "validated" : "not validated",
            (first ? a : b) / 1e9,
            (first ? b : a) / 1e9);
      }
    }
    long validatedNanos = Arrays.stream(validatedPerBatch).sum();
    long unvalidatedNanos = Arrays.stream(unvalidatedPerBatch).sum();
    ServerCpu validatedCpu = validatingCpu.get().since(validatedCpuBefore);
    ServerCpu unvalidatedCpu = notValidatingCpu.get().since(unvalidatedCpuBefore);
    double[] after = validationMetric();
    long validations = Math.round(after[0] - before[0]);
    double mean = validations == 0 ? 0 : (after[1] - before[1]) * 1000 / validations;
    log.printf(
        Locale.ROOT,
        "  validated %.2f s, not validated %.2f s, %d server validations%n",
        validatedNanos / 1e9,
        unvalidatedNanos / 1e9,
        validations);
    return new Result(
        warmupPushesPerSide,
        pushesPerSide,
        batchPushes,
        generator.entriesPerPush(),
        validatedNanos / 1e9,
        unvalidatedNanos / 1e9,
        mean,
        validations,
        (after[2] - before[2]) * 1000 / pushesPerSide,
        validatedCpu,
        unvalidatedCpu,
        PairedRatio.of(validatedPerBatch, unvalidatedPerBatch));
  }

  /**
   * Posts a batch to one side and, if it is more than one push, waits until that side has linked
   * it; returns the posting time.
   */
  private long postAll(List<byte[]> batch, boolean validated)
      throws IOException, InterruptedException {
    long nanos = 0;
    for (byte[] push : batch) {
      nanos += post(push, validated);
    }
    if (batch.size() > 1) {
      awaitLinked(validated);
    }
    return nanos;
  }

  private void awaitLinked(boolean validated) throws IOException, InterruptedException {
    new MdmLinkingWait(validated ? validating : notValidating, QUIET).await(LINKING_DEADLINE);
  }

  private long post(byte[] bundle, boolean validated) throws IOException, InterruptedException {
    FhirHttpClient.Response response = (validated ? validating : notValidating).postBundle(bundle);
    if (!response.ok()) {
      throw new IOException(
          (validated ? "validated" : "unvalidated")
              + " push failed with "
              + response.status()
              + ": "
              + FhirHttpClient.abbreviate(response.body(), 2000));
    }
    return response.elapsedNanos();
  }

  /** {count, sum in seconds} of the server's validation timer, and its commit wait's sum. */
  private double[] validationMetric() throws IOException, InterruptedException {
    // Plain text: the FHIR client asks for FHIR JSON, which the Prometheus endpoint refuses.
    String body =
        http.send(
                HttpRequest.newBuilder(prometheus)
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/plain")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return new double[] {find(COUNT, body), find(SUM, body), find(COMMIT_WAIT_SUM, body)};
  }

  private static double find(Pattern pattern, String body) {
    List<Double> values = new ArrayList<>();
    Matcher m = pattern.matcher(body);
    while (m.find()) {
      values.add(Double.parseDouble(m.group(1)));
    }
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }
}
