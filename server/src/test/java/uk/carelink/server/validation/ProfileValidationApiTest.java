package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.server.support.Fixtures.TransactionBuilder;

/**
 * Acceptance 3 of the profiles issue: through the API, a valid care home bundle is stored, and a
 * bundle with one bad entry is rejected whole with an OperationOutcome naming the entry, the
 * FHIRPath and the reason; nothing of it is stored.
 */
class ProfileValidationApiTest extends FhirApiTest {

  /** Entries: 0 care home, 1 resident, 2 stay, 3 weight, 4 MUST, 5 fall, 6 dose. */
  private Bundle careHomePush(Consumer<Resource> breakOne, int entryToBreak) {
    TransactionBuilder push = Fixtures.transaction();
    Resource[] entries = new Resource[7];
    entries[0] = CareHomeRecords.careHome("1-" + digits(9));
    String home = push.create(entries[0]);
    entries[1] = CareHomeRecords.resident(Fixtures.validNhsNumber(), home);
    String resident = push.create(entries[1]);
    entries[2] = CareHomeRecords.stay(resident, home);
    entries[3] = CareHomeRecords.weight(resident, 70.7);
    entries[4] = CareHomeRecords.mustScore(resident, 1);
    entries[5] = CareHomeRecords.fall(resident, "minor");
    entries[6] = CareHomeRecords.doseGiven(resident);
    for (int i = 2; i < entries.length; i++) {
      push.create(entries[i]);
    }
    if (breakOne != null) {
      breakOne.accept(entries[entryToBreak]);
    }
    return push.build();
  }

  @Test
  void aValidCareHomeBundleIsStored() {
    int patients = count("Patient");
    int observations = count("Observation");

    fhir().body(json(careHomePush(null, 0))).post("/").then().statusCode(200);

    assertThat(count("Patient")).isEqualTo(patients + 1);
    assertThat(count("Observation")).isEqualTo(observations + 3);
  }

  @Test
  void eachValidationAndTheCommitsWaitForThemAreTimed() {
    double validations = metric("carelink_validation_seconds_count");
    double commitsWaiting = metric("carelink_validation_commit_wait_seconds_count");

    fhir().body(json(careHomePush(null, 0))).post("/").then().statusCode(200);

    // Every entry claims its profile; other writes (MDM's, in the background) may add more.
    assertThat(metric("carelink_validation_seconds_count")).isGreaterThanOrEqualTo(validations + 7);
    assertThat(metric("carelink_validation_commit_wait_seconds_count"))
        .isGreaterThanOrEqualTo(commitsWaiting + 1);
  }

  /** A counter's value as the Prometheus endpoint shows it (0 before it is first recorded). */
  private static double metric(String name) {
    String all =
        RestAssured.get("/actuator/prometheus").then().statusCode(200).extract().asString();
    Matcher value =
        Pattern.compile("^" + name + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(all);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  @Test
  void aBadNhsNumberCheckDigitRejectsTheWholeBundle() {
    Bundle push =
        careHomePush(r -> ((Patient) r).getIdentifierFirstRep().setValue("9999772764"), 1);

    rejectedAndNothingStored(push)
        .body("issue.expression.flatten()", hasItem("Bundle.entry[1].resource.identifier[0]"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[1] (Patient)"))
        .body("issue[0].diagnostics", containsString("nhs-number-1"));
  }

  @Test
  void aMissingRequiredElementRejectsTheWholeBundle() {
    Bundle push = careHomePush(r -> ((Patient) r).setBirthDate(null), 1);

    rejectedAndNothingStored(push)
        .body("issue.expression.flatten()", hasItem("Bundle.entry[1].resource"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[1] (Patient)"))
        .body("issue[0].diagnostics", containsString("Patient.birthDate: minimum required = 1"));
  }

  @Test
  void aCodeOutsideItsValueSetRejectsTheWholeBundle() {
    Bundle push =
        careHomePush(
            r ->
                ((Observation) r)
                    .getComponentFirstRep()
                    .getValueCodeableConcept()
                    .getCodingFirstRep()
                    .setCode("catastrophic"),
            5);

    rejectedAndNothingStored(push)
        .body(
            "issue.expression.flatten()",
            hasItem("Bundle.entry[5].resource.component[0].value.ofType(CodeableConcept)"))
        .body("issue.diagnostics", hasItem(containsString("ValueSet/fall-injury-severity")));
  }

  @Test
  void anElementWithNeitherValueNorChildrenRejectsTheWholeBundle() {
    // FHIR's ele-1: a second given name that has only an id, as a client's JSON can say it.
    String push =
        json(careHomePush(null, 0))
            .replace(
                "\"given\":[\"William\"]",
                "\"given\":[\"William\",null],\"_given\":[null,{\"id\":\"withheld\"}]");
    assertThat(push).contains("withheld");

    rejectedAndNothingStored(push)
        .body("issue.expression.flatten()", hasItem("Bundle.entry[1].resource.name[0].given[1]"))
        .body(
            "issue.diagnostics",
            hasItem(containsString("ele-1: 'All FHIR elements must have a @value or children'")));
  }

  @Test
  void aWrongUnitRejectsTheWholeBundle() {
    Bundle push =
        careHomePush(r -> ((Observation) r).getValueQuantity().setCode("[lb_av]").setUnit("lb"), 3);

    rejectedAndNothingStored(push)
        .body(
            "issue.expression.flatten()",
            hasItem("Bundle.entry[3].resource.value.ofType(Quantity).code"))
        .body("issue.diagnostics", hasItem(containsString("ValueSet/body-weight-unit")));
  }

  @Test
  void anInvalidEntryIsReportedEvenWhenALaterEntryFailsForAnotherReason() {
    // Entries are validated beside storage; the dangling reference of entry 6 is found while the
    // validation of entry 1 may still be running. The answer must be the one validating in turn
    // gives: entry 1's error, and nothing stored.
    Bundle push = withDanglingDoseSubject(careHomePush(r -> ((Patient) r).setBirthDate(null), 1));

    rejectedAndNothingStored(push)
        .body("issue.expression.flatten()", hasItem("Bundle.entry[1].resource"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[1] (Patient)"))
        .body("issue[0].diagnostics", containsString("Patient.birthDate: minimum required = 1"));
  }

  @Test
  void aLaterEntryThatFailsForAnotherReasonIsReportedWhenEveryEarlierEntryIsValid() {
    Bundle push = withDanglingDoseSubject(careHomePush(null, 0));
    int patients = count("Patient");

    fhir()
        .body(json(push))
        .post("/")
        .then()
        .statusCode(400)
        .body("issue[0].diagnostics", containsString("Bundle.entry[6]"))
        .body("issue[0].diagnostics", containsString("never-stored-"));
    assertThat(count("Patient")).isEqualTo(patients);
  }

  @Test
  void aSingleInvalidCreateIsRejectedWithTheFhirPathOfEachError() {
    Patient resident = CareHomeRecords.resident("9999772764", "Organization/nowhere");
    resident.setBirthDate(null);

    fhir()
        .body(json(resident))
        .post("/Patient")
        .then()
        .statusCode(422)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue.severity", hasItem("error"))
        .body("issue.expression.flatten()", hasItem("Patient.identifier[0]"))
        .body("issue.diagnostics", hasItem(containsString("Patient.birthDate")));
  }

  @Test
  void aResourceThatClaimsNoProfileIsValidatedAgainstTheConfiguredDefault() {
    // FhirApiTest configures EpisodeOfCare -> carehome-stay as a default profile.
    EpisodeOfCare stay = new EpisodeOfCare();
    stay.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
    stay.setPatient(new org.hl7.fhir.r4.model.Reference("Patient/nobody"));

    fhir()
        .body(json(stay))
        .post("/EpisodeOfCare")
        .then()
        .statusCode(422)
        .body("issue.diagnostics", hasItem(containsString("carehome-stay")));
  }

  @Test
  void validateOperationChecksAgainstTheClaimedProfile() {
    Patient resident = CareHomeRecords.resident("9999772764", "Organization/nowhere");

    fhir()
        .body(json(resident))
        .post("/Patient/$validate")
        .then()
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue.diagnostics", hasItem(containsString("nhs-number-1")));
  }

  @Test
  void capabilityStatementListsTheProfiles() {
    fhir()
        .get("/metadata")
        .then()
        .statusCode(200)
        .body(
            "rest[0].resource.find { it.type == 'Patient' }.supportedProfile",
            hasItem(CareLinkProfiles.RESIDENT))
        .body(
            "rest[0].resource.find { it.type == 'Observation' }.supportedProfile",
            hasItem(CareLinkProfiles.NEWS2_SCORE));
  }

  /** Entry 6 (the dose given) then refers to a resident that was never stored. */
  private static Bundle withDanglingDoseSubject(Bundle push) {
    ((MedicationAdministration) push.getEntry().get(6).getResource())
        .getSubject()
        .setReference("Patient/never-stored-" + digits(6));
    return push;
  }

  private ValidatableResponse rejectedAndNothingStored(Bundle push) {
    return rejectedAndNothingStored(json(push));
  }

  private ValidatableResponse rejectedAndNothingStored(String push) {
    int patients = count("Patient");
    int organizations = count("Organization");
    int observations = count("Observation");

    ValidatableResponse response =
        fhir()
            .body(push)
            .post("/")
            .then()
            .statusCode(422)
            .body("resourceType", equalTo("OperationOutcome"))
            .body("issue[0].severity", equalTo("error"));

    assertThat(count("Patient")).isEqualTo(patients);
    assertThat(count("Organization")).isEqualTo(organizations);
    assertThat(count("Observation")).isEqualTo(observations);
    return response;
  }

  private static String digits(int n) {
    long value =
        Math.floorMod(
            System.nanoTime() * 31 + (long) (Math.random() * 1e9), (long) Math.pow(10, n));
    return String.format("%0" + n + "d", value);
  }
}
