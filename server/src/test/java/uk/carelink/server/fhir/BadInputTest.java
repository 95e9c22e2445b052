package uk.carelink.server.fhir;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;

/** Bad input gets a 4xx OperationOutcome that says what is wrong, never a 5xx. */
class BadInputTest extends FhirApiTest {

  @Test
  void malformedJsonGets400WithTheParseErrorLocation() {
    int before = count("Patient");

    fhir()
        .body("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Broken\"")
        .post("/Patient")
        .then()
        .statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("line: 1"));

    org.assertj.core.api.Assertions.assertThat(count("Patient")).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotFhirJsonGets4xx() {
    fhir()
        .body("[1, 2, 3]")
        .post("/Patient")
        .then()
        .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void aWrongContentTypeGets4xxNamingTheContentType() {
    fhir()
        .contentType("text/plain")
        .body("{\"resourceType\":\"Patient\"}")
        .post("/Patient")
        .then()
        .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("text/plain"));
  }

  @Test
  void anOversizedBodyGets413BeforeItIsParsed() {
    String oversized =
        "{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\"<div>"
            + "x".repeat(1_200_000)
            + "</div>\"}}";

    fhir()
        .body(oversized)
        .post("/Patient")
        .then()
        .statusCode(413)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].code", equalTo("too-long"));
  }

  @Test
  void anOversizedChunkedBodyGets413Too() {
    byte[] oversized =
        ("{\"resourceType\":\"Patient\",\"id\":\"" + "x".repeat(1_200_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    // An InputStream body is sent chunked, with no Content-Length to check up front.
    fhir()
        .body(new ByteArrayInputStream(oversized))
        .post("/Patient")
        .then()
        .statusCode(413)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void aBodyManyTimesTheLimitStillGetsACleanAnswer() {
    // Beyond what Tomcat swallows by default (2 MB) the connection used to be reset mid-upload,
    // so the client saw a broken pipe instead of the 413.
    byte[] huge =
        ("{\"resourceType\":\"Patient\",\"id\":\"" + "x".repeat(40_000_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    fhir()
        .body(huge)
        .post("/Patient")
        .then()
        .statusCode(413)
        .body("issue[0].code", equalTo("too-long"));
    fhir()
        .body(new ByteArrayInputStream(huge))
        .post("/Patient")
        .then()
        .statusCode(413)
        .body("issue[0].code", equalTo("too-long"));
  }

  @Test
  void aChunkedBodyWithinTheLimitIsAccepted() {
    byte[] body =
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Chunked\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    fhir().body(new ByteArrayInputStream(body)).post("/Patient").then().statusCode(201);
  }

  @Test
  void anUnknownResourceTypeGets4xx() {
    fhir()
        .get("/Resident/1")
        .then()
        .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void anInvalidCodeForABoundElementGets400NamingTheElement() {
    fhir()
        .body("{\"resourceType\":\"Patient\",\"gender\":\"banana\"}")
        .post("/Patient")
        .then()
        .statusCode(400)
        .body("issue[0].diagnostics", containsString("gender"));
  }
}
