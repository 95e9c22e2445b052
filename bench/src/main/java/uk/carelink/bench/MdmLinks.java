package uk.carelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every MDM link the server holds, through {@code $mdm-query-links} (needs the admin party). */
final class MdmLinks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MdmLinks() {}

  /** Reads every link, page by page (HAPI pages the operation's answer, 100 links at most). */
  static List<LinkageBreakdown.Link> readAll(FhirHttpClient fhir)
      throws IOException, InterruptedException {
    List<LinkageBreakdown.Link> links = new ArrayList<>();
    for (int offset = 0; ; ) {
      FhirHttpClient.Response response = fhir.get("$mdm-query-links?_count=100&_offset=" + offset);
      if (!response.ok()) {
        throw new IOException("$mdm-query-links: " + response.status());
      }
      boolean hasNext = false;
      for (JsonNode parameter : JSON.readTree(response.body()).path("parameter")) {
        String name = parameter.path("name").asText();
        hasNext |= "next".equals(name);
        if (!"link".equals(name)) {
          continue;
        }
        offset++;
        Map<String, String> parts = new HashMap<>();
        for (JsonNode part : parameter.path("part")) {
          JsonNode value =
              part.has("valueString") ? part.get("valueString") : part.path("valueDecimal");
          parts.put(part.path("name").asText(), value.asText());
        }
        links.add(
            new LinkageBreakdown.Link(
                parts.get("goldenResourceId"),
                parts.get("sourceResourceId"),
                parts.get("matchResult")));
      }
      if (!hasNext) {
        return links;
      }
    }
  }
}
