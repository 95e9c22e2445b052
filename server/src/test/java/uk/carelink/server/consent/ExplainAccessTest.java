package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import uk.carelink.server.consent.ConsentFixture.Decision;
import uk.carelink.server.consent.ConsentFixture.Person;
import uk.carelink.server.support.FhirApiTest;

/** {@code $explain-access}: who may ask, what it answers, and bad questions; refusals audited. */
class ExplainAccessTest extends FhirApiTest {

  private static final String ANALYST = ConsentFixture.ODS + "|X1A01";

  @Test
  void aPartyMayAskAboutItselfAndIsToldWhichConsentDecided() {
    Person person = new ConsentFixture(this::fhirAs, fhirContext).person(Decision.RESEARCH, false);
    String body =
        fhirAs("analyst")
            .queryParam("party", ANALYST)
            .queryParam("purpose", "HRESCH")
            .queryParam("class", "Observation")
            .get("/Patient/" + person.residentId() + "/$explain-access")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Parameters answer = parse(Parameters.class, body);
    Parameters.ParametersParameterComponent careHome =
        answer.getParameter().stream()
            .filter(p -> "decision".equals(p.getName()))
            .filter(
                p ->
                    p.getPart().stream()
                        .anyMatch(
                            part ->
                                "controller".equals(part.getName())
                                    && ((org.hl7.fhir.r4.model.Identifier) part.getValue())
                                        .getValue()
                                        .equals("1-101000001")))
            .findFirst()
            .orElseThrow();
    assertThat(part(careHome, "outcome")).isEqualTo("permit");
    assertThat(part(careHome, "rule")).isEqualTo("RESIDENT_PERMIT");
    assertThat(part(careHome, "resources")).isEqualTo("2");
    assertThat(
            careHome.getPart().stream()
                .filter(p -> "consent".equals(p.getName()))
                .map(p -> ((org.hl7.fhir.r4.model.Reference) p.getValue()).getReference())
                .toList())
        .containsExactly("Consent/" + person.consentId());
  }

  @Test
  void aPartyMayNotAskAboutAnotherParty() {
    fhirAs("analyst")
        .queryParam("party", ConsentFixture.GP)
        .queryParam("purpose", "TREAT")
        .queryParam("class", "Observation")
        .get("/Patient/ch1-b01-1/$explain-access")
        .then()
        .statusCode(403)
        .body("issue[0].diagnostics", containsString("only about itself"));
  }

  @Test
  void badQuestionsAreRefusedWithAnOperationOutcome() {
    fhir()
        .queryParam("party", "S12345")
        .queryParam("purpose", "TREAT")
        .queryParam("class", "Observation")
        .get("/Patient/ch1-b01-1/$explain-access")
        .then()
        .statusCode(400)
        .body("issue[0].diagnostics", containsString("system|value"));
    fhir()
        .queryParam("party", ConsentFixture.GP)
        .queryParam("purpose", "TREAT")
        .queryParam("class", "Weight")
        .get("/Patient/ch1-b01-1/$explain-access")
        .then()
        .statusCode(400)
        .body("issue[0].diagnostics", containsString("not a FHIR resource type"));
  }

  @Test
  void aPurposeTheTokenDoesNotGrantIsRefusedAndTheRefusalAudited() throws InterruptedException {
    String requestId = "purposeRefused" + (System.nanoTime() % 100);
    fhirAs("gp-practice")
        .header("X-Purpose-Of-Use", "HRESCH")
        .header("X-Request-ID", requestId)
        .get("/Observation")
        .then()
        .statusCode(403)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("not granted"));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Bundle.BundleEntryComponent> found = List.of();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      found =
          parse(
                  Bundle.class,
                  fhir().queryParam("entity-name", requestId).get("/AuditEvent").asString())
              .getEntry();
      Thread.sleep(100);
    }
    assertThat(found).hasSize(1);
    AuditEvent event = (AuditEvent) found.get(0).getResource();
    assertThat(event.getOutcome().toCode()).isEqualTo("4");
    assertThat(event.getAgentFirstRep().getName()).isEqualTo("gp-practice");
  }

  private static String part(Parameters.ParametersParameterComponent parameter, String name) {
    return parameter.getPart().stream()
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .map(p -> p.getValue().primitiveValue())
        .orElse(null);
  }
}
