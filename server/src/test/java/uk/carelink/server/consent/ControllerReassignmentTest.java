package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;

/**
 * The service desk may hand a record to another data controller. HAPI merges security labels on
 * update, so without care the record would keep its old controller's label beside the new one and
 * stay readable, and writable, by the old controller.
 */
class ControllerReassignmentTest extends FhirApiTest {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";
  private static final String HOME_A = "1-101000001";
  private static final String HOME_B = "1-101000002";
  private static final Coding RESTRICTED =
      new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");

  @Test
  void aReassignedRecordHasOnlyItsNewControllerAndKeepsItsOtherLabels() {
    String id = "reassign-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    Observation weight = CareHomeRecords.weight("Patient/ch2-b01-1", 71.5);
    weight.setId(id);
    weight.getMeta().addSecurity(new Coding(CQC, HOME_B, null));
    weight.getMeta().addSecurity(RESTRICTED);
    fhir()
        .body(json(weight))
        .put("/Observation/" + id)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
    assertThat(observationsFoundBy("carehome-b", id)).containsExactly(id);

    // The service desk names the new controller and leaves the other label out of its update.
    Observation handedOver = CareHomeRecords.weight("Patient/ch2-b01-1", 71.5);
    handedOver.setId(id);
    handedOver.getMeta().addSecurity(new Coding(CQC, HOME_A, null));
    fhir().body(json(handedOver)).put("/Observation/" + id).then().statusCode(200);

    List<Map<String, String>> labels =
        fhir()
            .get("/Observation/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("meta.security");
    assertThat(labels)
        .extracting(label -> label.get("system") + "|" + label.get("code"))
        .containsExactlyInAnyOrder(CQC + "|" + HOME_A, RESTRICTED.getSystem() + "|R");

    assertThat(observationsFoundBy("carehome-b", id)).isEmpty();
    fhirAs("carehome-b").get("/Observation/" + id).then().statusCode(404);
    assertThat(observationsFoundBy("carehome-a", id)).containsExactly(id);

    Observation corrected = CareHomeRecords.weight("Patient/ch2-b01-1", 70.9);
    corrected.setId(id);
    fhirAs("carehome-b").body(json(corrected)).put("/Observation/" + id).then().statusCode(403);
    fhirAs("carehome-a").body(json(corrected)).put("/Observation/" + id).then().statusCode(200);
  }

  private List<String> observationsFoundBy(String client, String id) {
    return searchIds(fhirAs(client).queryParam("_id", id), "/Observation");
  }
}
