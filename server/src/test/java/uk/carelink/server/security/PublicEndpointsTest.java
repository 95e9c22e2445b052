package uk.carelink.server.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.carelink.server.support.FhirApiTest;

/** What needs no token, and what every other path answers without one. */
class PublicEndpointsTest extends FhirApiTest {

  @Test
  void theCapabilityStatementIsPublic() {
    fhirAnonymous()
        .get("/metadata")
        .then()
        .statusCode(200)
        .body("resourceType", equalTo("CapabilityStatement"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration"})
  void theSmartConfigurationIsPublicAndPointsAtTheSandboxTokenEndpoint(String path) {
    RestAssured.get(path)
        .then()
        .statusCode(200)
        .body("token_endpoint", equalTo("http://127.0.0.1:" + port + "/oauth2/token"))
        .body("grant_types_supported", hasItem("client_credentials"))
        .body("token_endpoint_auth_methods_supported", hasItem("client_secret_basic"))
        .body("scopes_supported", hasItem("system/Patient.cruds"))
        .body("capabilities", hasItem("permission-v2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator/health",
        "/actuator/health/readiness",
        "/actuator/health/liveness",
        "/actuator/info",
        "/actuator/prometheus"
      })
  void operationalEndpointsArePublic(String path) {
    RestAssured.get(path).then().statusCode(200);
  }

  @Test
  void theIssuersKeysArePublishedForVerifiers() {
    RestAssured.get("/oauth2/jwks").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/no-such-page", "/fhir/Patient"})
  void everythingElseNeedsATokenAndSaysSoAsAnOperationOutcome(String path) {
    RestAssured.get(path)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo("Bearer"))
        .contentType(containsString("application/fhir+json"))
        .body("issue[0].code", equalTo("login"))
        .body("issue[0].diagnostics", containsString("bearer token"));
  }

  @Test
  void writingTheCapabilityStatementPathIsNotPublic() {
    fhirAnonymous().body("{}").post("/metadata").then().statusCode(401);
    fhirAnonymous().get("/metadata").then().header("Content-Type", endsWith("charset=UTF-8"));
  }
}
