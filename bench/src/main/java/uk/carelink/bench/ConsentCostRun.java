package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of consent enforcement on reads (consent issue, acceptance 6), in one run on one server with
 * the sandbox world: the same searches, sent alternately by a party whose answers consent filters
 * and by the service desk, whose requests skip consent (its role is unrestricted), so machine noise
 * falls on both sides alike. The searches are chosen so the filtered party may see what it asks
 * for; entry counts are reported for both sides. Result: p50/p95 latency each side, p95 ratio
 * (target ≤ 1.1).
 */
final class ConsentCostRun {

  /** One kind of search: who asks (consent applies) and the query. */
  record Probe(String label, String client, String query) {}

  record Side(List<Double> millis, long entries) {}

  record Result(List<Probe> probes, List<Side> filtered, List<Side> unfiltered, int rounds) {

    String markdown(String context) {
      StringBuilder md = new StringBuilder();
      md.append("## Consent enforcement cost on searches\n\n").append(context).append("\n\n");
      md.append(
          "| search (party) | filtered p50 ms | p95 ms | unfiltered p50 ms | p95 ms |"
              + " p95 ratio | entries filtered / unfiltered |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|\n");
      List<Double> allFiltered = new ArrayList<>();
      List<Double> allUnfiltered = new ArrayList<>();
      for (int i = 0; i < probes.size(); i++) {
        Side f = filtered.get(i);
        Side u = unfiltered.get(i);
        allFiltered.addAll(f.millis());
        allUnfiltered.addAll(u.millis());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s (%s) | %.1f | %.1f | %.1f | %.1f | %.2f | %d / %d |%n",
                probes.get(i).label(),
                probes.get(i).client(),
                Percentiles.of(f.millis()).percentile(50),
                Percentiles.of(f.millis()).percentile(95),
                Percentiles.of(u.millis()).percentile(50),
                Percentiles.of(u.millis()).percentile(95),
                Percentiles.of(f.millis()).percentile(95)
                    / Percentiles.of(u.millis()).percentile(95),
                f.entries(),
                u.entries()));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| **all** | %.1f | %.1f | %.1f | %.1f | **%.2f** | |%n%n",
              Percentiles.of(allFiltered).percentile(50),
              Percentiles.of(allFiltered).percentile(95),
              Percentiles.of(allUnfiltered).percentile(50),
              Percentiles.of(allUnfiltered).percentile(95),
              Percentiles.of(allFiltered).percentile(95)
                  / Percentiles.of(allUnfiltered).percentile(95)));
      md.append(
          String.format(
              Locale.ROOT,
              "%d rounds per search after 5 warm-up rounds; in each round the filtered and the"
                  + " unfiltered request alternate which goes first. Unfiltered = the service desk"
                  + " (admin), whose requests skip consent; both sides are audited and send"
                  + " Cache-Control: no-cache, so neither reuses HAPI's cached search results"
                  + " (filtered searches never may)."
                  + " Target: p95 ratio ≤ 1.1.%n",
              rounds));
      return md.toString();
    }
  }

  private static final Pattern RESIDENT = Pattern.compile("\"reference\":\"(Patient/ch1-[^\"]+)\"");
  private static final Pattern ENTRY = Pattern.compile("\"fullUrl\"");

  private final HttpClient http;
  private final String secret;
  private final URI root;
  private final URI fhirBase;
  private final PrintStream log;

  ConsentCostRun(HttpClient http, String secret, URI root, URI fhirBase, PrintStream log) {
    this.http = http;
    this.secret = secret;
    this.root = root;
    this.fhirBase = fhirBase;
    this.log = log;
  }

  /** Waits until MDM has linked the world: the care relationships consent decides by hold. */
  MdmLinkingWait.Linked awaitLinking(Duration deadline) throws IOException, InterruptedException {
    return new MdmLinkingWait(client("admin"), log).await(deadline);
  }

  Result run(int rounds) throws IOException, InterruptedException {
    FhirHttpClient admin = client("admin");
    String resident = firstResident(admin);
    List<Probe> probes =
        List.of(
            new Probe(
                "a resident's observations, page of 50",
                "gp-practice",
                "Observation?subject=" + resident + "&_count=50"),
            new Probe(
                "weights across homes, page of 100",
                "gp-practice",
                "Observation?code=http://loinc.org%7C29463-7&_count=100"),
            new Probe(
                "weights across homes, page of 100",
                "analyst",
                "Observation?code=http://loinc.org%7C29463-7&_count=100"),
            new Probe(
                "a home's residents, page of 50",
                "carehome-a",
                "Patient?organization=Organization/org-carehome-a&_count=50"));
    List<Side> filtered = new ArrayList<>();
    List<Side> unfiltered = new ArrayList<>();
    for (Probe probe : probes) {
      FhirHttpClient party = client(probe.client());
      for (int i = 0; i < 5; i++) {
        get(party, probe.query());
        get(admin, probe.query());
      }
      List<Double> f = new ArrayList<>();
      List<Double> u = new ArrayList<>();
      long fEntries = 0;
      long uEntries = 0;
      for (int i = 0; i < rounds; i++) {
        boolean partyFirst = i % 2 == 0;
        FhirHttpClient.Response a = get(partyFirst ? party : admin, probe.query());
        FhirHttpClient.Response b = get(partyFirst ? admin : party, probe.query());
        FhirHttpClient.Response partyAnswer = partyFirst ? a : b;
        FhirHttpClient.Response adminAnswer = partyFirst ? b : a;
        f.add(partyAnswer.elapsedMillis());
        u.add(adminAnswer.elapsedMillis());
        fEntries = entries(partyAnswer.body());
        uEntries = entries(adminAnswer.body());
      }
      log.printf(
          Locale.ROOT,
          "  %s as %s: p95 %.1f ms filtered, %.1f ms unfiltered%n",
          probe.label(),
          probe.client(),
          Percentiles.of(f).percentile(95),
          Percentiles.of(u).percentile(95));
      filtered.add(new Side(f, fEntries));
      unfiltered.add(new Side(u, uEntries));
    }
    return new Result(probes, filtered, unfiltered, rounds);
  }

  private FhirHttpClient client(String clientId) {
    Optional<BearerTokenSource> tokens =
        Optional.of(
            new ClientCredentialsTokenSource(
                http, URI.create(root + "/oauth2/token"), clientId, secret));
    return new FhirHttpClient(
        http, fhirBase, tokens, Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  private static String firstResident(FhirHttpClient admin)
      throws IOException, InterruptedException {
    FhirHttpClient.Response stays =
        get(admin, "EpisodeOfCare?organization=Organization/org-carehome-a&status=active&_count=1");
    Matcher matcher = RESIDENT.matcher(stays.body());
    if (!matcher.find()) {
      throw new IOException("no current resident of carehome-a in the sandbox world");
    }
    return matcher.group(1);
  }

  private static FhirHttpClient.Response get(FhirHttpClient client, String query)
      throws IOException, InterruptedException {
    // Filtered searches never reuse HAPI's cached search results (they depend on who asks), so
    // neither side may: otherwise the comparison measures the cache, not consent.
    FhirHttpClient.Response response = client.getUncached(query);
    if (!response.ok()) {
      throw new IOException(
          query
              + " answered "
              + response.status()
              + ": "
              + FhirHttpClient.abbreviate(response.body(), 500));
    }
    return response;
  }

  private static long entries(String body) {
    return ENTRY.matcher(body).results().count();
  }
}
