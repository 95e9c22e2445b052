package uk.carelink.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import uk.carelink.world.LinkageTestSet;
import uk.carelink.world.LinkageTestSet.LabelledPatient;

/**
 * Record linkage under load: writes the labelled linkage set (homes' records, then the GP
 * practice's, in transactions of 100), waits until MDM has linked every Patient, checks the
 * server's golden records against the labels, then measures how long after a single write its link
 * appears.
 */
final class LinkageBench {

  private static final int BUNDLE_SIZE = 100;
  private static final long DEADLINE_NANOS = 60L * 60 * 1_000_000_000;

  private final FhirHttpClient fhir;
  private final PrintStream out;
  private final FhirContext context = FhirContext.forR4();

  LinkageBench(FhirHttpClient fhir, PrintStream out) {
    this.fhir = fhir;
    this.out = out;
  }

  String run(int people, long seed, int latencySamples) throws Exception {
    List<LabelledPatient> set = new ArrayList<>(LinkageTestSet.generate(seed, people));
    // The homes write first, then the GP practice, as in the sandbox world.
    set.sort((a, b) -> a.source().compareTo(b.source()));
    long started = System.nanoTime();
    for (int from = 0; from < set.size(); from += BUNDLE_SIZE) {
      post(set.subList(from, Math.min(set.size(), from + BUNDLE_SIZE)));
    }
    double writeSeconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT, "wrote %d Patients in %.1f s; waiting for MDM%n", set.size(), writeSeconds);
    List<LinkageBreakdown.Link> links = awaitAllLinked(set, started);
    double linkedSeconds = (System.nanoTime() - started) / 1e9;
    LinkageBreakdown breakdown = new LinkageBreakdown(set, links);
    List<Double> latencies = new ArrayList<>();
    for (int i = 0; i < latencySamples; i++) {
      latencies.add(linkLatencyMillis());
    }
    Percentiles latency = Percentiles.of(latencies);
    return String.format(
        Locale.ROOT,
        "| figure | value |%n|---|---|%n"
            + "| people / Patients written | %d / %d (seed %d) |%n"
            + "| write time (transactions of %d) | %.1f s |%n"
            + "| first write until every Patient linked | %.1f s (%.1f Patients/s) |%n"
            + "| after the last write, MDM still busy for | %.1f s |%n"
            + "%s"
            + "| link latency after a single write, idle (n=%d) | p50 %.0f ms, p95 %.0f ms, max %.0f ms |%n"
            + "%s",
        people,
        set.size(),
        seed,
        BUNDLE_SIZE,
        writeSeconds,
        linkedSeconds,
        set.size() / linkedSeconds,
        linkedSeconds - writeSeconds,
        breakdown.rows(),
        latency.count(),
        latency.p50(),
        latency.p95(),
        latency.max(),
        breakdown.tables());
  }

  private void post(List<LabelledPatient> batch) throws IOException, InterruptedException {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    for (LabelledPatient labelled : batch) {
      Patient patient = labelled.patient().copy();
      // Homes 3.. and their practice are not stored here; linkage needs no references. Without
      // them the records no longer meet the profiles they claim, so they claim none.
      patient.setManagingOrganization(null);
      patient.getGeneralPractitioner().clear();
      patient.getMeta().getProfile().clear();
      String id = patient.getIdElement().getIdPart();
      bundle
          .addEntry()
          .setFullUrl("Patient/" + id)
          .setResource(patient)
          .getRequest()
          .setMethod(HTTPVerb.PUT)
          .setUrl("Patient/" + id);
    }
    byte[] body =
        context.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    FhirHttpClient.Response response = fhir.postBundle(body);
    if (!response.ok()) {
      throw new IOException(
          "transaction failed: "
              + response.status()
              + " "
              + FhirHttpClient.abbreviate(response.body(), 400));
    }
  }

  /** Polls until every written Patient has a link; returns every link. */
  private List<LinkageBreakdown.Link> awaitAllLinked(List<LabelledPatient> set, long started)
      throws IOException, InterruptedException {
    Set<String> wanted = new HashSet<>();
    set.forEach(p -> wanted.add(LinkageBreakdown.id(p)));
    while (true) {
      List<LinkageBreakdown.Link> links = readAllLinks();
      Set<String> linked = new HashSet<>();
      links.forEach(link -> linked.add(link.source()));
      linked.retainAll(wanted);
      out.printf(Locale.ROOT, "  %d of %d Patients linked%n", linked.size(), wanted.size());
      if (linked.size() == wanted.size()) {
        return links;
      }
      if (System.nanoTime() - started > DEADLINE_NANOS) {
        throw new IOException("MDM did not link every Patient within an hour");
      }
      Thread.sleep(2000);
    }
  }

  private List<LinkageBreakdown.Link> readAllLinks() throws IOException, InterruptedException {
    return MdmLinks.readAll(fhir);
  }

  /** Writes one Patient with a fresh NHS number and times until its link is visible. */
  private double linkLatencyMillis() throws IOException, InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String id = "lk-latency-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    Patient patient = new Patient();
    patient.setId(id);
    patient.addName().setFamily("Latency" + random.nextInt(1_000_000)).addGiven("Probe");
    patient.setGender(AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType("1901-01-01"));
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setFullUrl("Patient/" + id)
        .setResource(patient)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl("Patient/" + id);
    FhirHttpClient.Response written =
        fhir.postBundle(
            context
                .newJsonParser()
                .encodeResourceToString(bundle)
                .getBytes(StandardCharsets.UTF_8));
    if (!written.ok()) {
      throw new IOException("latency write failed: " + written.status());
    }
    long afterWrite = System.nanoTime();
    while (System.nanoTime() - afterWrite < 120L * 1_000_000_000) {
      FhirHttpClient.Response links = fhir.get("$mdm-query-links?resourceId=Patient/" + id);
      if (links.ok() && links.body().contains("\"sourceResourceId\"")) {
        return (System.nanoTime() - afterWrite) / 1e6;
      }
      Thread.sleep(10);
    }
    throw new IOException("no link for Patient/" + id + " within 120 s");
  }
}
