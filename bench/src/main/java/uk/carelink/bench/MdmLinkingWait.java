package uk.carelink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Waits until MDM has finished linking the server's Patients, so that a run does not measure while
 * linking goes on in the background (it competes for the CPU, and consent's care relationships
 * depend on the links: a GP sees a resident's data only once its own record is linked to the
 * home's). Finished means: every Patient record (Patient searches leave golden records out) is the
 * source of a link, and two consecutive polls read the same links. A deadline passed fails the run.
 */
final class MdmLinkingWait {

  /** What was found when linking had finished. */
  record Linked(long patients, int links, long matches, int polls, double seconds) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "MDM linking had finished before warm-up: all %d Patients linked (%d links, %d MATCH),"
              + " the same links in two consecutive polls (%d polls, %.1f s after readiness)",
          patients,
          links,
          matches,
          polls,
          seconds);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofSeconds(1);

  private final FhirHttpClient admin;
  private final PrintStream log;

  MdmLinkingWait(FhirHttpClient admin, PrintStream log) {
    this.admin = admin;
    this.log = log;
  }

  Linked await(Duration deadline) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Set<LinkageBreakdown.Link> previous = null;
    for (int polls = 1; ; polls++) {
      long patients = patients();
      List<LinkageBreakdown.Link> links = MdmLinks.readAll(admin);
      Set<String> sources = new HashSet<>();
      links.stream()
          .filter(link -> !"POSSIBLE_DUPLICATE".equals(link.matchResult()))
          .forEach(link -> sources.add(link.source()));
      Set<LinkageBreakdown.Link> current = Set.copyOf(links);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (sources.size() >= patients && current.equals(previous)) {
        long matches = links.stream().filter(l -> "MATCH".equals(l.matchResult())).count();
        return new Linked(patients, links.size(), matches, polls, seconds);
      }
      if (seconds > deadline.toSeconds()) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "MDM linking unfinished after %.0f s: %d of %d Patients linked",
                seconds,
                sources.size(),
                patients));
      }
      if (polls % 10 == 1) {
        log.printf(
            Locale.ROOT, "  waiting for MDM: %d of %d Patients linked%n", sources.size(), patients);
      }
      previous = current;
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Patient records, golden records excluded (the service desk keeps exact totals). */
  private long patients() throws IOException, InterruptedException {
    FhirHttpClient.Response count = admin.get("Patient?_summary=count");
    if (!count.ok()) {
      throw new IOException("Patient?_summary=count answered " + count.status());
    }
    com.fasterxml.jackson.databind.JsonNode total = JSON.readTree(count.body()).path("total");
    if (!total.canConvertToLong()) {
      throw new IOException("Patient?_summary=count gave no total: " + count.body());
    }
    return total.asLong();
  }
}
