package uk.carelink.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.server.support.Fixtures.TransactionBuilder;

class TransactionTest extends FhirApiTest {

  @Test
  void urnUuidReferencesAreRewrittenToTheStoredIds() {
    TransactionBuilder push = Fixtures.transaction();
    String home = push.create(Fixtures.careHome("Birch Lodge", "1-" + uniqueDigits()));
    Patient resident = Fixtures.resident(Fixtures.unique("Urn"), "Isla");
    resident.setManagingOrganization(new Reference(home));
    String residentUrn = push.create(resident);
    push.create(Fixtures.weight(residentUrn, 58.4));

    Bundle response = post(push.build(), 200);

    String patientLocation = response.getEntry().get(1).getResponse().getLocation();
    String observationId =
        new org.hl7.fhir.r4.model.IdType(response.getEntry().get(2).getResponse().getLocation())
            .getIdPart();
    Observation stored =
        parse(
            Observation.class,
            fhir().get("/Observation/" + observationId).then().extract().asString());
    assertThat(patientLocation).startsWith("Patient/");
    assertThat(stored.getSubject().getReference())
        .isEqualTo(patientLocation.substring(0, patientLocation.indexOf("/_history")));
  }

  @Test
  void conditionalCreatesMatchExistingResourcesSoARepeatedPushCreatesNoDuplicates() {
    String nhsNumber = "999" + uniqueDigits().substring(0, 7);
    String cqcId = "1-" + uniqueDigits();
    Bundle push = dailyPush(cqcId, nhsNumber);
    int patientsBefore = count("Patient");
    int organizationsBefore = count("Organization");

    Bundle first = post(push, 200);
    Bundle second = post(dailyPush(cqcId, nhsNumber), 200);

    assertThat(first.getEntry()).allMatch(e -> e.getResponse().getStatus().startsWith("201"));
    assertThat(second.getEntry()).allMatch(e -> e.getResponse().getStatus().startsWith("200"));
    assertThat(count("Patient")).isEqualTo(patientsBefore + 1);
    assertThat(count("Organization")).isEqualTo(organizationsBefore + 1);
    fhir()
        .get("/Patient?identifier=" + Fixtures.NHS_NUMBER + "|" + nhsNumber)
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void aTransactionWithOneInvalidEntryStoresNothingAndNamesTheEntry() {
    TransactionBuilder push = Fixtures.transaction();
    String resident = push.create(Fixtures.resident(Fixtures.unique("Atomic"), "Ruth"));
    push.create(Fixtures.weight(resident, 70.1));
    push.create(Fixtures.weight("Patient/no-such-resident", 65.0));
    int patientsBefore = count("Patient");
    int observationsBefore = count("Observation");

    fhir()
        .body(json(push.build()))
        .post("/")
        .then()
        .statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].severity", equalTo("error"))
        .body("issue[0].expression", hasItem("Bundle.entry[2]"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[2] (Observation)"))
        .body("issue[0].diagnostics", containsString("Patient/no-such-resident"));

    assertThat(count("Patient")).isEqualTo(patientsBefore);
    assertThat(count("Observation")).isEqualTo(observationsBefore);
  }

  private Bundle dailyPush(String cqcId, String nhsNumber) {
    TransactionBuilder push = Fixtures.transaction();
    String home =
        push.createIfNoneExist(
            Fixtures.careHome("Heather Court", cqcId),
            "Organization?identifier=" + Fixtures.CQC_LOCATION + "|" + cqcId);
    Patient resident = Fixtures.resident("Campbell", "Morag", nhsNumber);
    resident.setManagingOrganization(new Reference(home));
    push.createIfNoneExist(resident, "Patient?identifier=" + Fixtures.NHS_NUMBER + "|" + nhsNumber);
    return push.build();
  }

  private Bundle post(Bundle transaction, int expectedStatus) {
    return parse(
        Bundle.class,
        fhir()
            .body(json(transaction))
            .post("/")
            .then()
            .statusCode(expectedStatus)
            .extract()
            .asString());
  }

  private static String uniqueDigits() {
    return String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
  }
}
