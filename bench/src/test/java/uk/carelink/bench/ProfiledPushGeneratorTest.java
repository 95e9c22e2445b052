package uk.carelink.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import uk.carelink.world.NhsNumber;

class ProfiledPushGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void claimedAndUnclaimedPushesDifferOnlyInTheirProfileClaims() throws IOException {
    JsonNode claimed = JSON.readTree(new ProfiledPushGenerator(3).next(true));
    JsonNode unclaimed = JSON.readTree(new ProfiledPushGenerator(3).next(false));

    assertThat(claimed.get("entry")).hasSize(1 + 3 * ProfiledPushGenerator.RESOURCES_PER_RESIDENT);
    assertThat(claimed.get("entry"))
        .allSatisfy(
            e ->
                assertThat(e.at("/resource/meta/profile/0").asText())
                    .startsWith("https://carelink.example.org/fhir/StructureDefinition/"));
    assertThat(unclaimed.get("entry"))
        .allSatisfy(e -> assertThat(e.at("/resource/meta").isMissingNode()).isTrue());
    assertThat(withoutClaimsAndUrls(claimed)).isEqualTo(withoutClaimsAndUrls(unclaimed));
  }

  @Test
  void everyResidentHasAValidTestRangeNhsNumber() throws IOException {
    JsonNode push = JSON.readTree(new ProfiledPushGenerator(10).next(true));

    assertThat(push.findValues("identifier"))
        .filteredOn(i -> i.at("/0/system").asText().equals(NhsNumber.SYSTEM))
        .hasSize(10)
        .allSatisfy(
            i -> {
              String value = i.at("/0/value").asText();
              assertThat(value).startsWith("999");
              assertThat(NhsNumber.isValid(value)).isTrue();
            });
  }

  @Test
  void residentsHaveVariedDemographicsLikeTheSandboxWorld() throws IOException {
    JsonNode push = JSON.readTree(new ProfiledPushGenerator(10).next(true));

    java.util.List<String> people = new java.util.ArrayList<>();
    for (JsonNode entry : push.get("entry")) {
      JsonNode resource = entry.get("resource");
      if (resource.get("resourceType").asText().equals("Patient")) {
        people.add(
            resource.at("/name/0/family").asText()
                + "|"
                + resource.at("/name/0/given/0").asText()
                + "|"
                + resource.get("birthDate").asText());
      }
    }
    // Linkage blocks candidates on birth date and names: identical residents would all collide.
    assertThat(people).hasSize(10).doesNotHaveDuplicates();
    String again = new String(new ProfiledPushGenerator(10).next(true), UTF_8);
    assertThat(again.replaceAll("urn:uuid:[0-9a-f-]+", "urn"))
        .isEqualTo(JSON.writeValueAsString(push).replaceAll("urn:uuid:[0-9a-f-]+", "urn"));
  }

  /** The bundle with meta and the random urn:uuid full URLs (and references to them) removed. */
  private static String withoutClaimsAndUrls(JsonNode bundle) {
    for (JsonNode entry : bundle.get("entry")) {
      ((ObjectNode) entry.get("resource")).remove("meta");
      ((ObjectNode) entry).remove("fullUrl");
    }
    return bundle.toString().replaceAll("urn:uuid:[0-9a-f-]+", "urn");
  }
}
