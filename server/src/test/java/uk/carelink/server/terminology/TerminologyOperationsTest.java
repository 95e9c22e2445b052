package uk.carelink.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.support.FhirApiTest;

/**
 * Acceptance 4 of the profiles issue: terminology operations answer from the CareLink package's
 * ValueSets, CodeSystems and ConceptMaps (stored at start-up by TerminologyPublisher).
 */
class TerminologyOperationsTest extends FhirApiTest {

  private static final String VS = CareLinkProfiles.CANONICAL + "/ValueSet/";
  private static final String CM = CareLinkProfiles.CANONICAL + "/ConceptMap/";

  @Autowired TerminologyPublisher publisher;

  @Test
  void aSecondStartWithTheSamePackageStoresNothingAgain() {
    String before = versionOf("/CodeSystem/carelink-observation");

    publisher.run(null);

    assertThat(versionOf("/CodeSystem/carelink-observation")).isEqualTo(before);
  }

  private String versionOf(String path) {
    return fhir().get(path).then().statusCode(200).extract().path("meta.versionId");
  }

  @Test
  void expandListsEveryCodeOfAProjectValueSet() {
    fhir()
        .queryParam("url", VS + "fall-injury-severity")
        .get("/ValueSet/$expand")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("expansion.contains.code", containsInAnyOrder("none", "minor", "moderate", "severe"));
  }

  @Test
  void expandListsOnlyTheEnumeratedCodesOfASubset() {
    fhir()
        .queryParam("url", VS + "emar-not-given-reason")
        .get("/ValueSet/$expand")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body(
            "expansion.contains.code",
            containsInAnyOrder("refused", "in-hospital", "not-available"));
  }

  @Test
  void validateCodeAcceptsACodeInTheValueSetAndRejectsOneOutside() {
    fhir()
        .queryParam("url", VS + "care-funding")
        .queryParam("system", CareLinkProfiles.CS_CARE_FUNDING)
        .queryParam("code", "self-funded")
        .get("/ValueSet/$validate-code")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("parameter.find { it.name == 'result' }.valueBoolean", equalTo(true));

    fhir()
        .queryParam("url", VS + "emar-not-given-reason")
        .queryParam("system", CareLinkProfiles.CS_EMAR_OUTCOME)
        .queryParam("code", "administered")
        .get("/ValueSet/$validate-code")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("parameter.find { it.name == 'result' }.valueBoolean", equalTo(false));
  }

  @Test
  void lookupGivesTheDisplayOfAProjectCode() {
    fhir()
        .queryParam("system", CareLinkProfiles.CS_OBSERVATION)
        .queryParam("code", "news2-score")
        .get("/CodeSystem/$lookup")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("parameter.find { it.name == 'display' }.valueString", equalTo("NEWS2 score"));
  }

  @Test
  void translateMapsASampleExportCodeToTheProjectCode() {
    fhir()
        .queryParam("url", CM + "sample-emar-outcome-to-carelink")
        .queryParam("system", CareLinkProfiles.CANONICAL + "/CodeSystem/sample-emar-outcome")
        .queryParam("code", "R")
        .get("/ConceptMap/$translate")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("parameter.find { it.name == 'result' }.valueBoolean", equalTo(true))
        .body(
            "parameter.find { it.name == 'match' }.part.find { it.name == 'concept' }"
                + ".valueCoding.code",
            equalTo("refused"));
  }

  @Test
  void translateMapsTheSampleWeightMeasureToLoinc() {
    fhir()
        .queryParam("url", CM + "sample-observation-measure-to-carelink")
        .queryParam("system", CareLinkProfiles.CANONICAL + "/CodeSystem/sample-observation-measure")
        .queryParam("code", "WEIGHT")
        .get("/ConceptMap/$translate")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body(
            "parameter.findAll { it.name == 'match' }.part.flatten()"
                + ".findAll { it.name == 'concept' }.valueCoding.code",
            hasItem("29463-7"));
  }
}
