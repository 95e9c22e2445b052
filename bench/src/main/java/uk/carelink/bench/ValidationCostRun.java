package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of profile validation on ingest, measured in one run with the same data: two servers, the
 * same jar on two throw-away databases, one validating writes and one with validation switched off
 * ({@code carelink.validation.enabled=false}), are sent the very same profiled care home pushes in
 * turn, so machine noise falls on both sides alike and the only difference is the switch. The
 * result is the ratio of resources/s validated to unvalidated (target ≥ 0.8) and the validating
 * server's own mean validation time per resource ({@code carelink_validation_seconds}).
 */
final class ValidationCostRun {

  /**
   * Pushes per side before measuring. The validator runs a large body of code that the JIT compiles
   * over the first few thousand resources: after 5 pushes per side a validation still costs about
   * twice its steady-state CPU, after 30 about 1.3 times (measured in-process on these pushes). A
   * server ingests for days, so the steady state is what the ratio should describe.
   */
  static final int DEFAULT_WARMUP_PUSHES = 30;

  record Result(
      int warmupPushesPerSide,
      int pushesPerSide,
      int entriesPerPush,
      double validatedSeconds,
      double unvalidatedSeconds,
      double meanValidationMillis,
      long validations) {

    double validatedRate() {
      return pushesPerSide * (double) entriesPerPush / validatedSeconds;
    }

    double unvalidatedRate() {
      return pushesPerSide * (double) entriesPerPush / unvalidatedSeconds;
    }

    double ratio() {
      return validatedRate() / unvalidatedRate();
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

          %d pushes per side, %d entries each claiming their profiles, each push posted to both
          servers in turn (which goes first alternates), one client, after %s.
          Server-side validation: %d resources, mean %.2f ms per resource
          (`carelink_validation_seconds`). Target: ratio ≥ 0.8.
          """,
          context,
          validatedRate(),
          unvalidatedRate(),
          ratio(),
          validatedSeconds,
          unvalidatedSeconds,
          validatedSeconds / unvalidatedSeconds,
          pushesPerSide,
          entriesPerPush,
          "a warm-up of " + warmupPushesPerSide + " pushes per side (not counted)",
          validations,
          meanValidationMillis);
    }
  }

  private static final Pattern COUNT =
      Pattern.compile("^carelink_validation_seconds_count\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern SUM =
      Pattern.compile("^carelink_validation_seconds_sum\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);

  private final FhirHttpClient validating;
  private final FhirHttpClient notValidating;
  private final URI prometheus;
  private final PrintStream log;
  private final HttpClient http = FhirHttpClient.newHttpClient();

  /**
   * @param validating a server that validates writes; its root serves {@code /actuator/prometheus}
   * @param notValidating the same server build with validation switched off
   */
  ValidationCostRun(
      FhirHttpClient validating,
      URI validatingRoot,
      FhirHttpClient notValidating,
      PrintStream log) {
    this.validating = validating;
    this.notValidating = notValidating;
    this.prometheus = Loopback.require(URI.create(validatingRoot + "/actuator/prometheus"));
    this.log = log;
  }

  Result run(int warmupPushesPerSide, int pushesPerSide, int residentsPerPush)
      throws IOException, InterruptedException {
    ProfiledPushGenerator generator = new ProfiledPushGenerator(residentsPerPush);
    for (int i = 0; i < warmupPushesPerSide; i++) {
      byte[] push = generator.next(true);
      post(push, true);
      post(push, false);
    }
    double[] before = validationMetric();
    long validatedNanos = 0;
    long unvalidatedNanos = 0;
    for (int i = 0; i < pushesPerSide; i++) {
      // Alternate which side goes first, so neither always follows the other.
      boolean first = i % 2 == 0;
      byte[] push = generator.next(true);
      long a = post(push, first);
      long b = post(push, !first);
      validatedNanos += first ? a : b;
      unvalidatedNanos += first ? b : a;
    }
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
        generator.entriesPerPush(),
        validatedNanos / 1e9,
        unvalidatedNanos / 1e9,
        mean,
        validations);
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

  /** {count, sum in seconds} of the server's validation timer. */
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
    return new double[] {find(COUNT, body), find(SUM, body)};
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
