package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.carelink.world.NhsNumber;

class CareHomePushGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sameSeedGivesIdenticalBundles() {
    List<CareHomePushGenerator.Push> a = new CareHomePushGenerator(42).generate(12);
    List<CareHomePushGenerator.Push> b = new CareHomePushGenerator(42).generate(12);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).json()).isEqualTo(b.get(i).json());
    }
  }

  @Test
  void pushDoesNotDependOnHowManyAreGenerated() {
    CareHomePushGenerator g = new CareHomePushGenerator(42);
    assertThat(g.generate(3).get(2).json()).isEqualTo(g.generate(40).get(2).json());
    assertThat(new CareHomePushGenerator(42).push(7).json()).isEqualTo(g.push(7).json());
  }

  @Test
  void otherSeedGivesOtherBundles() {
    assertThat(new CareHomePushGenerator(43).push(0).json())
        .isNotEqualTo(new CareHomePushGenerator(42).push(0).json());
  }

  @Test
  void everyEntryIsAConditionalCreateAndReferencesStayInTheBundle() throws IOException {
    for (CareHomePushGenerator.Push push : new CareHomePushGenerator(42).generate(24)) {
      JsonNode bundle = JSON.readTree(push.json());
      assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
      assertThat(bundle.path("type").asText()).isEqualTo("transaction");
      Set<String> fullUrls = new HashSet<>();
      for (JsonNode entry : bundle.path("entry")) {
        assertThat(entry.path("fullUrl").asText()).startsWith("urn:uuid:");
        assertThat(fullUrls.add(entry.path("fullUrl").asText())).isTrue();
        JsonNode request = entry.path("request");
        assertThat(request.path("method").asText()).isEqualTo("POST");
        assertThat(request.path("url").asText())
            .isEqualTo(entry.path("resource").path("resourceType").asText());
        assertThat(request.path("ifNoneExist").asText()).startsWith("identifier=");
        // the conditional-create identifier is on the resource itself
        String query = request.path("ifNoneExist").asText().substring("identifier=".length());
        String system = query.substring(0, query.indexOf('|'));
        String value = query.substring(query.indexOf('|') + 1);
        boolean carried = false;
        for (JsonNode id : entry.path("resource").path("identifier")) {
          carried |=
              id.path("system").asText().equals(system) && id.path("value").asText().equals(value);
        }
        assertThat(carried).as("identifier %s on the resource", query).isTrue();
      }
      assertThat(push.entries()).isEqualTo(bundle.path("entry").size());
      List<String> references = new ArrayList<>();
      collectReferences(bundle.path("entry"), references);
      assertThat(references).isNotEmpty();
      for (String ref : references) {
        assertThat(ref).startsWith("urn:uuid:");
        assertThat(fullUrls).contains(ref);
      }
    }
  }

  @Test
  void pushesHaveTheDailyShape() throws IOException {
    Set<String> residentsSeen = new HashSet<>();
    int recurring = 0;
    int falls = 0;
    for (CareHomePushGenerator.Push push : new CareHomePushGenerator(42).generate(40)) {
      JsonNode entries = JSON.readTree(push.json()).path("entry");
      assertThat(entries.get(0).path("resource").path("resourceType").asText())
          .isEqualTo("Organization");
      assertThat(entries.get(0).path("request").path("ifNoneExist").asText())
          .matches("identifier=https://carelink.example.org/Id/cqc-location-id\\|1-10100000[1-4]");
      int patients = 0;
      for (JsonNode e : entries) {
        JsonNode r = e.path("resource");
        if (r.path("resourceType").asText().equals("Patient")) {
          patients++;
          String nhs = "";
          for (JsonNode id : r.path("identifier")) {
            if (id.path("system").asText().equals(NhsNumber.SYSTEM)) {
              nhs = id.path("value").asText();
            }
          }
          assertThat(NhsNumber.isValid(nhs)).isTrue();
          assertThat(nhs).startsWith("999");
          if (!residentsSeen.add(push.homeCode() + "/" + nhs)) {
            recurring++;
          }
        }
        if (r.path("code").path("coding").path(0).path("code").asText().equals("1912002")) {
          falls++;
          assertThat(r.path("identifier").path(0).path("value").asText()).matches("INC-\\d{5}");
        }
      }
      assertThat(patients).isBetween(10, 20);
    }
    assertThat(recurring).as("residents recur across days").isGreaterThan(100);
    assertThat(falls).isPositive();
    assertThat(residentsSeen).hasSize(4 * 24);
  }

  private static void collectReferences(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                if (f.getKey().equals("reference") && f.getValue().isTextual()) {
                  out.add(f.getValue().asText());
                } else {
                  collectReferences(f.getValue(), out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectReferences(n, out));
    }
  }
}
