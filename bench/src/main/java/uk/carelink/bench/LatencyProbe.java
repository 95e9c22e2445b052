package uk.carelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.carelink.world.NhsNumber;

/**
 * Single-patient query latency, one request at a time: picks patients of each group from the
 * server, then for several rounds reads each patient, searches its observations and asks for its
 * $everything (first page). The first round warms caches and is not counted.
 */
final class LatencyProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Patients recognised by an identifier system. */
  record Group(String name, String identifierSystem) {}

  static final List<Group> GROUPS =
      List.of(
          new Group("care home", NhsNumber.SYSTEM),
          new Group("synthea", "https://github.com/synthetichealth/synthea"));

  /** The queries timed per patient; {id} is replaced by the patient's id. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("read", "Patient/{id}");
    QUERIES.put("observations", "Observation?subject=Patient/{id}&_count=100");
    QUERIES.put("everything", "Patient/{id}/$everything");
  }

  /** The latency of one query over one group of patients. */
  record Stats(String group, String query, Percentiles millis, int failures, String firstError) {}

  private final FhirHttpClient client;
  private final PrintStream log;

  LatencyProbe(FhirHttpClient client, PrintStream log) {
    this.client = client;
    this.log = log;
  }

  /** Ids of up to {@code count} patients carrying an identifier of the given system. */
  List<String> pickPatients(Group group, int count) throws IOException, InterruptedException {
    String query =
        "Patient?identifier="
            + URLEncoder.encode(group.identifierSystem() + "|", StandardCharsets.UTF_8)
            + "&_count="
            + count
            + "&_elements=id";
    FhirHttpClient.Response r = client.get(query);
    if (!r.ok()) {
      throw new IOException(
          "patient search for group "
              + group.name()
              + " failed: HTTP "
              + r.status()
              + " "
              + IngestRunner.diagnostics(r.body()));
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(r.body()).path("entry")) {
      String id = entry.path("resource").path("id").asText("");
      if (!id.isEmpty() && ids.size() < count) {
        ids.add(id);
      }
    }
    return ids;
  }

  List<Stats> run(Group group, List<String> patientIds, int rounds)
      throws IOException, InterruptedException {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    Map<String, Integer> failures = new LinkedHashMap<>();
    Map<String, String> firstError = new LinkedHashMap<>();
    for (String q : QUERIES.keySet()) {
      samples.put(q, new ArrayList<>());
      failures.put(q, 0);
    }
    for (int round = 0; round < rounds; round++) {
      for (String id : patientIds) {
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
          FhirHttpClient.Response r = client.get(q.getValue().replace("{id}", id));
          if (round == 0) {
            continue;
          }
          if (r.ok()) {
            samples.get(q.getKey()).add(r.elapsedMillis());
          } else {
            failures.merge(q.getKey(), 1, Integer::sum);
            firstError.putIfAbsent(
                q.getKey(), "HTTP " + r.status() + ": " + IngestRunner.diagnostics(r.body()));
          }
        }
      }
    }
    List<Stats> result = new ArrayList<>();
    for (String q : QUERIES.keySet()) {
      Stats s =
          new Stats(
              group.name(), q, Percentiles.of(samples.get(q)), failures.get(q), firstError.get(q));
      result.add(s);
      log.printf(
          "  %-9s %-12s p50 %7.1f ms  p95 %7.1f ms  (n=%d, failed %d)%n",
          group.name(), q, s.millis().p50(), s.millis().p95(), s.millis().count(), s.failures());
    }
    return result;
  }
}
