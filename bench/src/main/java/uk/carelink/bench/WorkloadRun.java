package uk.carelink.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.carelink.bench.Metric.Better;

/**
 * One pass of the workload against one running server: care-home pushes, Synthea bundles, then
 * single-patient latency and read throughput. Adds every figure to a {@link Measurements}.
 */
final class WorkloadRun {
  /** Sizes and knobs of the workload. */
  record Settings(
      int pushes,
      int homes,
      long seed,
      int clients,
      Optional<Path> syntheaDir,
      int patients,
      int rounds,
      int throughputThreads,
      Duration throughputDuration,
      Duration ingestDeadline) {

    static Settings from(CliArgs args) {
      return new Settings(
          args.integer("pushes", 200),
          args.integer("homes", 4),
          args.longValue("seed", 42),
          args.integer("clients", 2),
          args.optional("synthea-dir").map(Path::of),
          args.integer("patients", 50),
          args.integer("rounds", 5),
          args.integer("throughput-threads", 8),
          Duration.ofSeconds(args.integer("throughput-seconds", 10)),
          Duration.ofMinutes(args.integer("ingest-deadline-minutes", 60)));
    }

    String describe() {
      return String.format(
          "care-home pushes %d (%d homes, seed %d), Synthea %s, %d client threads; latency: %d"
              + " patients x %d rounds (first round warm-up); reads: %d threads x %d s",
          pushes,
          homes,
          seed,
          syntheaDir.map(Path::toString).orElse("none"),
          clients,
          patients,
          rounds,
          throughputThreads,
          throughputDuration.toSeconds());
    }
  }

  private final Settings settings;
  private final FhirHttpClient careHome;
  private final FhirHttpClient hospital;
  private final PrintStream log;

  WorkloadRun(
      Settings settings, FhirHttpClient careHome, FhirHttpClient hospital, PrintStream log) {
    this.settings = settings;
    this.careHome = careHome;
    this.hospital = hospital;
    this.log = log;
  }

  void run(Measurements m) throws IOException, InterruptedException {
    if (settings.pushes() > 0) {
      CareHomeWorkload work =
          new CareHomeWorkload(settings.seed(), settings.homes(), settings.pushes());
      log.printf("care-home pushes: %d bundles, %d entries%n", work.size(), work.entries());
      IngestRunner.Result r =
          new IngestRunner(careHome, settings.clients(), settings.ingestDeadline(), log)
              .run("care-home pushes", work.phases());
      ingestFigures(m, "carehome", "care-home pushes", r);
    }
    if (settings.syntheaDir().isPresent()) {
      SyntheaWorkload work = new SyntheaWorkload(settings.syntheaDir().get());
      log.printf(
          "Synthea: %d bundles (%d patients), %d entries%n",
          work.files().size(), work.patientBundles(), work.entries());
      IngestRunner.Result r =
          new IngestRunner(hospital, settings.clients(), settings.ingestDeadline(), log)
              .run("Synthea", work.phases());
      ingestFigures(m, "synthea", "Synthea bundles", r);
    }
    latency(m);
  }

  private void ingestFigures(Measurements m, String key, String label, IngestRunner.Result r) {
    log.printf(
        "%s: %d entries stored of %d in %.1f s = %.0f resources/s; bundles %d, failed %d;"
            + " bundle p50 %.0f ms p95 %.0f ms%n",
        label,
        r.entriesStored(),
        r.entriesPosted(),
        r.wallSeconds(),
        r.resourcesPerSecond(),
        r.bundles(),
        r.failedBundles(),
        r.bundleMillis().p50(),
        r.bundleMillis().p95());
    m.add(key + ".rate", label + ": ingest", "resources/s", r.resourcesPerSecond(), Better.HIGHER);
    m.add(key + ".wall", label + ": wall time", "s", r.wallSeconds(), Better.LOWER);
    m.add(
        key + ".stored",
        label + ": entries stored",
        "entries",
        (double) r.entriesStored(),
        Better.NONE);
    m.add(
        key + ".failed",
        label + ": failed bundles",
        "bundles",
        (double) r.failedBundles(),
        Better.LOWER);
    m.add(key + ".p50", label + ": bundle p50", "ms", r.bundleMillis().p50(), Better.LOWER);
    m.add(key + ".p95", label + ": bundle p95", "ms", r.bundleMillis().p95(), Better.LOWER);
    if (!r.complete()) {
      m.note(label + ": stopped at the ingest deadline, not all bundles were sent");
    }
    for (Map.Entry<String, Integer> e : r.errors().entrySet()) {
      m.note(label + ": " + e.getValue() + "× " + e.getKey());
    }
  }

  private void latency(Measurements m) throws IOException, InterruptedException {
    int perGroup = Math.max(1, (settings.patients() + 1) / 2);
    List<String> readIds = new ArrayList<>();
    FhirHttpClient readClient = careHome;
    for (LatencyProbe.Group group : LatencyProbe.GROUPS) {
      boolean synthea = group.identifierSystem().contains("synthea");
      if (synthea && settings.syntheaDir().isEmpty()) {
        continue;
      }
      if (!synthea && settings.pushes() == 0) {
        continue;
      }
      FhirHttpClient client = synthea ? hospital : careHome;
      LatencyProbe probe = new LatencyProbe(client, log);
      List<String> ids;
      try {
        ids = probe.pickPatients(group, perGroup);
      } catch (IOException e) {
        m.note("latency, " + group.name() + ": " + e.getMessage());
        continue;
      }
      if (ids.isEmpty()) {
        m.note("latency, " + group.name() + ": no patients found");
        continue;
      }
      if (readIds.isEmpty()) {
        readIds.addAll(ids);
        readClient = client;
      }
      String g = synthea ? "synthea" : "carehome";
      for (LatencyProbe.Stats s : probe.run(group, ids, settings.rounds())) {
        String label = group.name() + " patients: " + queryLabel(s.query());
        m.add(
            "latency." + g + "." + s.query() + ".p50",
            label + " p50",
            "ms",
            s.millis().p50(),
            Better.LOWER);
        m.add(
            "latency." + g + "." + s.query() + ".p95",
            label + " p95",
            "ms",
            s.millis().p95(),
            Better.LOWER);
        if (s.failures() > 0) {
          m.note(label + ": " + s.failures() + " failed, first: " + s.firstError());
        }
      }
    }
    if (!readIds.isEmpty() && settings.throughputThreads() > 0) {
      ReadThroughputProbe.Result r =
          new ReadThroughputProbe(readClient)
              .run(readIds, settings.throughputThreads(), settings.throughputDuration());
      log.printf(
          "Patient read throughput: %.0f req/s over %.1f s (%d threads, %d failed), p50 %.1f ms"
              + " p99 %.1f ms%n",
          r.requestsPerSecond(),
          r.seconds(),
          settings.throughputThreads(),
          r.failures(),
          r.millis().p50(),
          r.millis().p99());
      m.add(
          "reads.rate",
          "Patient/{id} reads, " + settings.throughputThreads() + " threads",
          "req/s",
          r.requestsPerSecond(),
          Better.HIGHER);
      m.add("reads.p99", "Patient/{id} reads p99", "ms", r.millis().p99(), Better.LOWER);
      if (r.failures() > 0) {
        m.note("Patient reads: " + r.failures() + " of " + r.requests() + " failed");
      }
    }
  }

  private static String queryLabel(String query) {
    return switch (query) {
      case "read" -> "Patient/{id}";
      case "observations" -> "Observation?subject=…&_count=100";
      case "everything" -> "Patient/{id}/$everything (first page)";
      default -> query;
    };
  }
}
