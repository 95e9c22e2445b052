package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import uk.carelink.server.consent.ConsentFixture.Decision;
import uk.carelink.server.consent.ConsentFixture.Person;
import uk.carelink.server.support.FhirApiTest;

/**
 * Acceptance 2: a Consent change takes effect on the very next request, with no cache to wait for.
 */
class ConsentWithdrawalTest extends FhirApiTest {

  @Test
  void aWithdrawnResearchConsentDeniesTheVeryNextRequest() {
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    Person person = fixture.person(Decision.RESEARCH, false);
    assertThat(observationsSeenBy("analyst", "HRESCH", person)).hasSize(2);

    Consent withdrawn = ConsentFixture.residentConsent(person.residentId(), Decision.RESEARCH);
    withdrawn.setStatus(Consent.ConsentState.INACTIVE);
    fixture.put("carehome-a", person.consentId(), withdrawn);

    assertThat(observationsSeenBy("analyst", "HRESCH", person)).isEmpty();
  }

  @Test
  void aNewDenyTakesEffectOnTheNextRequestAndItsWithdrawalRestoresAccess() {
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    Person person = fixture.person(Decision.NONE, false);
    assertThat(observationsSeenBy("gp-practice", "TREAT", person)).hasSize(2);

    String consentId = person.tag() + "-refusal";
    fixture.put(
        "carehome-a",
        consentId,
        ConsentFixture.residentConsent(person.residentId(), Decision.REFUSE_GP));
    assertThat(observationsSeenBy("gp-practice", "TREAT", person)).isEmpty();

    Consent lifted = ConsentFixture.residentConsent(person.residentId(), Decision.REFUSE_GP);
    lifted.setStatus(Consent.ConsentState.INACTIVE);
    fixture.put("carehome-a", consentId, lifted);
    assertThat(observationsSeenBy("gp-practice", "TREAT", person)).hasSize(2);
  }

  @Test
  void onlyTheControllerOfTheResidentsRecordMayRecordTheirConsent() {
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    Person person = fixture.person(Decision.NONE, false);
    Consent selfServing = ConsentFixture.residentConsent(person.residentId(), Decision.RESEARCH);
    selfServing.setId(person.tag() + "-forged");

    // carehome-b has Consent write scopes, but the resident is carehome-a's.
    fhirAs("carehome-b")
        .body(json(selfServing))
        .put("/Consent/" + person.tag() + "-forged")
        .then()
        .statusCode(422)
        .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("Consent.patient"));
  }

  private List<String> observationsSeenBy(String client, String purpose, Person person) {
    return searchIds(
        fhirAs(client)
            .header("X-Purpose-Of-Use", purpose)
            .queryParam("subject", "Patient/" + person.residentId()),
        "/Observation");
  }
}
