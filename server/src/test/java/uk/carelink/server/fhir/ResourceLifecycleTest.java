package uk.carelink.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;

class ResourceLifecycleTest extends FhirApiTest {

  @Test
  void createdResourceCanBeReadBackWithItsContent() {
    String id = createResident("Henderson", "Agnes");

    fhir()
        .get("/Patient/" + id)
        .then()
        .statusCode(200)
        .body("resourceType", equalTo("Patient"))
        .body("name[0].family", equalTo("Henderson"))
        .body("meta.versionId", equalTo("1"));
  }

  @Test
  void updateCreatesANewVersionAndHistoryKeepsBoth() {
    String id = createResident("Thomson", "Robert");
    Patient changed = Fixtures.resident("Thomson", "Rob");
    changed.setId(id);

    fhir()
        .body(json(changed))
        .put("/Patient/" + id)
        .then()
        .statusCode(200)
        .body("meta.versionId", equalTo("2"));

    Bundle history =
        parse(
            Bundle.class,
            fhir().get("/Patient/" + id + "/_history").then().statusCode(200).extract().asString());
    assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
    assertThat(history.getEntry())
        .extracting(e -> ((Patient) e.getResource()).getNameFirstRep().getGivenAsSingleString())
        .containsExactly("Rob", "Robert");
    fhir()
        .get("/Patient/" + id + "/_history/1")
        .then()
        .statusCode(200)
        .body("name[0].given[0]", equalTo("Robert"));
  }

  @Test
  void deletedResourceIsGoneButItsHistoryRemains() {
    String id = createResident("McIntosh", "Helen");

    fhir().delete("/Patient/" + id).then().statusCode(200);

    fhir().get("/Patient/" + id).then().statusCode(410);
    fhir()
        .get("/Patient/" + id + "/_history/1")
        .then()
        .statusCode(200)
        .body("name[0].family", equalTo("McIntosh"));
  }

  @Test
  void readingAnUnknownResourceGives404WithAnOperationOutcome() {
    fhir()
        .get("/Patient/does-not-exist")
        .then()
        .statusCode(404)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void createAnswersWithTheNewLocation() {
    Response response = fhir().body(json(Fixtures.resident("Lennox", "Ann"))).post("/Patient");

    response.then().statusCode(201).header("Location", startsWith("http://127.0.0.1:"));
  }
}
