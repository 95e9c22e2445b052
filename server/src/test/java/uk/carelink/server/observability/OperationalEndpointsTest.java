package uk.carelink.server.observability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;

class OperationalEndpointsTest extends FhirApiTest {

  @Test
  void metadataDeclaresFhirR4() {
    fhir()
        .get("/metadata")
        .then()
        .statusCode(200)
        .body("resourceType", equalTo("CapabilityStatement"))
        .body("fhirVersion", equalTo("4.0.1"));
  }

  @Test
  void readinessIsUpOnceTheServerServes() {
    RestAssured.get("/actuator/health/readiness")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void prometheusExposesFhirRequestTimings() {
    fhir().get("/metadata").then().statusCode(200);

    // The timing is recorded once the response has been sent, so allow it a moment to land.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                RestAssured.get("/actuator/prometheus")
                    .then()
                    .statusCode(200)
                    .body(containsString("carelink_fhir_requests_seconds_count"))
                    .body(containsString("interaction=\"metadata\"")));
  }
}
