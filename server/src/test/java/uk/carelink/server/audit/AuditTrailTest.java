package uk.carelink.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;

/**
 * The audit trail as an auditor uses it: every request recorded (also those refused before the FHIR
 * layer), searchable by patient, Consent and request, and readable only by the service desk.
 */
class AuditTrailTest extends FhirApiTest {

  @Test
  void aRequestWithoutAValidTokenIsAuditedToo() throws InterruptedException {
    String requestId = requestId();
    fhirAnonymous()
        .header("Authorization", "Bearer not-a-token")
        .header("X-Request-ID", requestId)
        .get("/Patient/ch1-b01-1")
        .then()
        .statusCode(401);

    AuditEvent event = awaitOne(() -> byRequest(requestId));
    assertThat(event.getOutcome().toCode()).isEqualTo("4");
    assertThat(event.getAgentFirstRep().getName()).isEqualTo("unauthenticated");
    assertThat(event.getAgentFirstRep().getNetwork().getAddress()).isEqualTo("127.0.0.1");
    assertThat(new String(event.getEntityFirstRep().getQuery()))
        .contains("GET /fhir/Patient/ch1-b01-1");
  }

  @Test
  void anAuditorFindsWhoSawAResidentsRecordsAndUnderWhichConsent() throws InterruptedException {
    String requestId = requestId();
    fhirAs("carehome-a")
        .header("X-Request-ID", requestId)
        .get("/Observation?subject=Patient/ch1-b01-1&_count=5")
        .then()
        .statusCode(200);
    AuditEvent event = awaitOne(() -> byRequest(requestId));
    assertThat(event.getOutcome().toCode()).isEqualTo("0");
    assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("TREAT");
    assertThat(event.getEntity())
        .anySatisfy(
            entity -> assertThat(entity.getWhat().getReference()).isEqualTo("Patient/ch1-b01-1"));

    List<Bundle.BundleEntryComponent> byPatient =
        search("AuditEvent?patient=Patient/ch1-b01-1&agent-name=carehome-a&_count=200");
    assertThat(byPatient)
        .extracting(entry -> entry.getResource().getIdElement().getIdPart())
        .contains(event.getIdElement().getIdPart());
  }

  @Test
  void onlyTheServiceDeskReadsTheAuditTrail() {
    // The analyst may search every type (system/*.rs), but consent keeps the audit trail from it.
    fhirAs("analyst")
        .get("/AuditEvent?_count=5")
        .then()
        .statusCode(200)
        .body("entry", org.hamcrest.Matchers.nullValue());
    // Care homes hold no AuditEvent scope at all.
    fhirAs("carehome-a").get("/AuditEvent").then().statusCode(403);
  }

  private static String requestId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private List<Bundle.BundleEntryComponent> byRequest(String requestId) {
    return search("AuditEvent?entity-name=" + requestId);
  }

  private List<Bundle.BundleEntryComponent> search(String query) {
    return parse(Bundle.class, fhir().get("/" + query).then().statusCode(200).extract().asString())
        .getEntry();
  }

  private static AuditEvent awaitOne(Supplier<List<Bundle.BundleEntryComponent>> search)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Bundle.BundleEntryComponent> found = search.get();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      found = search.get();
    }
    assertThat(found).hasSize(1);
    return (AuditEvent) found.get(0).getResource();
  }
}
