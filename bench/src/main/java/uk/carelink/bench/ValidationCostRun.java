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
 * Cost of profile validation on ingest, measured in one run on one server with the same data:
 * identical profiled care home pushes are posted alternately claiming their profiles (validated)
 * and not claiming them (stored without validation), so machine noise falls on both sides alike.
 * The result is the ratio of resources/s validated to unvalidated (target ≥ 0.8) and the server's
 * own mean validation time per resource ({@code carelink_validation_seconds}).
 */
final class ValidationCostRun {

  record Result(
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

          | figure | validated (claims profiles) | not validated | ratio validated / not |
          |---|---:|---:|---:|
          | ingest, resources/s | %.1f | %.1f | %.2f |
          | wall time, s | %.2f | %.2f | %.2f |

          %d pushes per side, %d entries each, posted alternately, one client, after %s.
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
          "a warm-up of 5 pushes per side (not counted)",
          validations,
          meanValidationMillis);
    }
  }

  private static final Pattern COUNT =
      Pattern.compile("^carelink_validation_seconds_count\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern SUM =
      Pattern.compile("^carelink_validation_seconds_sum\\S* ([0-9.eE+]+)$", Pattern.MULTILINE);

  private final FhirHttpClient fhir;
  private final URI prometheus;
  private final PrintStream log;
  private final HttpClient http = FhirHttpClient.newHttpClient();

  ValidationCostRun(FhirHttpClient fhir, URI serverRoot, PrintStream log) {
    this.fhir = fhir;
    this.prometheus = Loopback.require(URI.create(serverRoot + "/actuator/prometheus"));
    this.log = log;
  }

  Result run(int pushesPerSide, int residentsPerPush) throws IOException, InterruptedException {
    ProfiledPushGenerator generator = new ProfiledPushGenerator(residentsPerPush);
    for (int i = 0; i < 5; i++) {
      post(generator.next(true), true);
      post(generator.next(false), false);
    }
    double[] before = validationMetric();
    long validatedNanos = 0;
    long unvalidatedNanos = 0;
    for (int i = 0; i < pushesPerSide; i++) {
      // Alternate which side goes first, so neither always follows the other.
      boolean first = i % 2 == 0;
      long a = post(generator.next(first), first);
      long b = post(generator.next(!first), !first);
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
        pushesPerSide,
        generator.entriesPerPush(),
        validatedNanos / 1e9,
        unvalidatedNanos / 1e9,
        mean,
        validations);
  }

  private long post(byte[] bundle, boolean claimed) throws IOException, InterruptedException {
    FhirHttpClient.Response response = fhir.postBundle(bundle);
    if (!response.ok()) {
      throw new IOException(
          (claimed ? "validated" : "unvalidated")
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
