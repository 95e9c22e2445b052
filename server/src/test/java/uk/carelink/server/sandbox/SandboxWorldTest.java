package uk.carelink.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.support.FhirApiTest;

/** The sandbox world, as the shared test server loaded it on start, seen through the FHIR API. */
class SandboxWorldTest extends FhirApiTest {

  @Autowired SandboxWorldLoader loader;

  @Test
  void everyPartyIsAnOrganizationWithTheIdentifierItsTokenCarries() {
    Map<String, String> expected =
        Map.of(
            "https://carelink.example.org/Id/cqc-location-id|1-101000001", "Rowan House Care Home",
            "https://carelink.example.org/Id/cqc-location-id|1-101000002",
                "Beech Lodge Nursing Home",
            "https://fhir.nhs.uk/Id/ods-organization-code|S12345", "Riverside Medical Practice",
            "https://fhir.nhs.uk/Id/ods-organization-code|X1H01", "Northgate General Hospital",
            "https://fhir.nhs.uk/Id/ods-organization-code|X1A01", "Regional Care Analytics Team",
            "https://fhir.nhs.uk/Id/ods-organization-code|X1Z01", "CareLink Service Desk");
    expected.forEach(
        (identifier, name) ->
            fhir()
                .queryParam("identifier", identifier)
                .get("/Organization")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("entry[0].resource.name", org.hamcrest.Matchers.equalTo(name)));
  }

  @Test
  void aCareHomesResidentsAreListedAndHaveObservations() {
    JsonPath residents =
        fhir()
            .queryParam("organization", "Organization/org-carehome-a")
            .queryParam("_count", 100)
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> ids = residents.getList("entry.resource.id");
    // Eight beds in the test world: the current residents and those who left or died.
    assertThat(ids).hasSizeBetween(8, 30);
    for (String id : ids) {
      int observations =
          fhir()
              .queryParam("subject", "Patient/" + id)
              .queryParam("_summary", "count")
              .get("/Observation")
              .then()
              .statusCode(200)
              .extract()
              .path("total");
      assertThat(observations).as("observations of " + id).isPositive();
    }
    assertThat(
            fhir()
                .queryParam("patient.organization", "Organization/org-carehome-a")
                .queryParam("code", "http://loinc.org|29463-7")
                .queryParam("_summary", "count")
                .get("/Observation")
                .then()
                .extract()
                .<Integer>path("total"))
        .as("monthly weights")
        .isGreaterThan(ids.size() * 3);
  }

  @Test
  void hospitalAdmissionsBelongToPeopleWhoLiveInTheHomes() {
    JsonPath admissions =
        fhir()
            .queryParam("class", "http://terminology.hl7.org/CodeSystem/v3-ActCode|IMP")
            .queryParam("_include", "Encounter:subject")
            .queryParam("_count", 200)
            .get("/Encounter")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> hospitalNhsNumbers =
        admissions.getList(
            "entry.resource.findAll { it.resourceType == 'Patient' }.identifier.flatten()"
                + ".findAll { it.system == 'https://fhir.nhs.uk/Id/nhs-number' }.value");
    assertThat(admissions.getList("entry.resource.findAll { it.resourceType == 'Encounter' }"))
        .isNotEmpty();
    Set<String> residentNhsNumbers =
        fhir()
            .queryParam("organization", "Organization/org-carehome-a,Organization/org-carehome-b")
            .queryParam("_count", 200)
            .get("/Patient")
            .then()
            .extract()
            .jsonPath()
            .<String>getList(
                "entry.resource.identifier.flatten()"
                    + ".findAll { it.system == 'https://fhir.nhs.uk/Id/nhs-number' }.value")
            .stream()
            .collect(Collectors.toSet());
    assertThat(hospitalNhsNumbers).isNotEmpty();
    assertThat(hospitalNhsNumbers.stream().filter(residentNhsNumbers::contains))
        .as("admitted patients who are care home residents, by NHS number")
        .isNotEmpty();
  }

  @Test
  void aSecondStartFindsTheWorldLoadedAndWritesNothing() throws Exception {
    fhir()
        .get("/Provenance/" + WorldMarker.ID)
        .then()
        .statusCode(200)
        .body("entity[0].what.identifier.value", org.hamcrest.Matchers.containsString("seed=42"));
    int patients = count("Patient");
    int observations = count("Observation");
    loader.run(null);
    assertThat(count("Patient")).isEqualTo(patients);
    assertThat(count("Observation")).isEqualTo(observations);
  }
}
