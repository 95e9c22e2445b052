package uk.carelink.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.support.FhirApiTest;

/** The sandbox world, as the shared test server loaded it on start, seen through the FHIR API. */
class SandboxWorldTest extends FhirApiTest {

  @Autowired SandboxWorldLoader loader;
  @Autowired SandboxProperties sandbox;

  @Test
  void everyPartyIsAnOrganizationWithTheIdentifierItsTokenCarries() {
    assertThat(sandbox.clients()).hasSize(6);
    for (SandboxProperties.SandboxParty party : sandbox.clients()) {
      fhirAs(party.clientId().startsWith("carehome") ? party.clientId() : "admin")
          .queryParam("identifier", party.organizationSystem() + "|" + party.organizationValue())
          .get("/Organization")
          .then()
          .statusCode(200)
          .body("entry.size()", org.hamcrest.Matchers.equalTo(1))
          .body("entry[0].resource.name", org.hamcrest.Matchers.equalTo(party.displayName()));
    }
  }

  @Test
  void aCareHomesResidentsAreListedAndHaveObservations() {
    JsonPath residents =
        fhirAs("carehome-a")
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
      // Consent-filtered answers carry no total (it could count hidden resources): count entries.
      int observations =
          fhirAs("carehome-a")
              .queryParam("subject", "Patient/" + id)
              .queryParam("_count", 1)
              .get("/Observation")
              .then()
              .statusCode(200)
              .extract()
              .<List<?>>path("entry")
              .size();
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
        fhirAs("hospital")
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
