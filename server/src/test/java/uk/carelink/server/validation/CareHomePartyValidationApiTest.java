package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.server.support.Fixtures.TransactionBuilder;

/**
 * Issue 3: what a care home party writes is validated against the right CareLink profile even when
 * it claims none (CareHomePartyRule). The shared test server runs with the rule on, as production
 * does.
 */
class CareHomePartyValidationApiTest extends FhirApiTest {

  private static final String CARE_HOME = "carehome-a";

  /** Entries: 0 a resident of carehome-a (claims its profile), 1 a weight claiming no profile. */
  private static Bundle residentWithUnclaimedWeight(String unitCode) {
    TransactionBuilder push = Fixtures.transaction();
    String resident =
        push.create(
            CareHomeRecords.resident(Fixtures.validNhsNumber(), "Organization/org-carehome-a"));
    Observation weight = CareHomeRecords.weight(resident, 70.7);
    weight.getMeta().getProfile().clear();
    weight.getValueQuantity().setCode(unitCode).setUnit(unitCode);
    push.create(weight);
    return push.build();
  }

  @Test
  void anUnclaimedWeightFromACareHomeIsValidatedAgainstTheWeightProfile() {
    int observations = count("Observation");

    fhirAs(CARE_HOME)
        .body(json(residentWithUnclaimedWeight("[lb_av]")))
        .post("/")
        .then()
        .statusCode(422)
        .body("resourceType", equalTo("OperationOutcome"))
        .body(
            "issue.expression.flatten()",
            hasItem("Bundle.entry[1].resource.value.ofType(Quantity).code"))
        // Only the weight profile binds the unit to this ValueSet.
        .body("issue.diagnostics", hasItem(containsString("ValueSet/body-weight-unit")));

    assertThat(count("Observation")).isEqualTo(observations);
  }

  @Test
  void aValidUnclaimedWeightFromACareHomeIsStored() {
    int observations = count("Observation");

    fhirAs(CARE_HOME)
        .body(json(residentWithUnclaimedWeight("kg")))
        .post("/")
        .then()
        .statusCode(200);

    assertThat(count("Observation")).isEqualTo(observations + 1);
  }

  @Test
  void otherPartiesAreHeldOnlyToWhatTheyClaim() {
    int observations = count("Observation");

    // The admin is not a care home: the weight claims no profile, so it is not validated.
    fhir().body(json(residentWithUnclaimedWeight("[lb_av]"))).post("/").then().statusCode(200);

    assertThat(count("Observation")).isEqualTo(observations + 1);
  }
}
