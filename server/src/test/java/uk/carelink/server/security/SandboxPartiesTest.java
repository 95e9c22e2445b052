package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.server.support.SandboxTokens;

/**
 * Acceptance 1: each demo party gets a client-credentials token from the sandbox issuer, carries
 * the documented claims, and can use the API within its scopes and not beyond them.
 */
class SandboxPartiesTest extends FhirApiTest {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";
  private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
  private static final String PATIENT = "{\"resourceType\":\"Patient\"}";
  private static final String ENCOUNTER =
      "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"EMER\"}}";

  static Stream<Arguments> parties() {
    return Stream.of(
        Arguments.of("carehome-a", CQC, "1-101000001", "carehome", "TREAT HOPERAT"),
        Arguments.of("carehome-b", CQC, "1-101000002", "carehome", "TREAT HOPERAT"),
        Arguments.of("gp-practice", ODS, "S12345", "gp", "TREAT"),
        Arguments.of("hospital", ODS, "X1H01", "hospital", "TREAT"),
        Arguments.of("analyst", ODS, "X1A01", "analyst", "HOPERAT HRESCH PUBHLTH"),
        Arguments.of("admin", ODS, "X1Z01", "admin", "HOPERAT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parties")
  void eachPartysTokenCarriesItsOrganisationRolePurposeAndAudience(
      String clientId, String system, String value, String role, String purpose) throws Exception {
    JsonNode claims = payload(SandboxTokens.fetch(port, clientId));

    assertThat(claims.path("client_id").asText()).isEqualTo(clientId);
    assertThat(claims.path("org_system").asText()).isEqualTo(system);
    assertThat(claims.path("org_value").asText()).isEqualTo(value);
    assertThat(claims.path("role").asText()).isEqualTo(role);
    assertThat(claims.path("purpose_of_use").asText()).isEqualTo(purpose);
    assertThat(claims.path("aud").toString()).contains("carelink-fhir");
    assertThat(claims.path("scope").isArray()).isTrue();
    assertThat(claims.path("scope").size()).isPositive();
  }

  /** A resident of carehome-a valid against the resident profile, as the home must write it. */
  private static String careHomeResident() {
    return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":"
        + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
        + Fixtures.validNhsNumber()
        + "\"}],\"name\":[{\"family\":\"Parties\",\"given\":[\"Pat\"]}],"
        + "\"gender\":\"female\",\"birthDate\":\"1931-04-02\","
        + "\"managingOrganization\":{\"reference\":\"Organization/org-carehome-a\"}}";
  }

  /** client, a request within its scopes (expected status), a request beyond them. */
  static Stream<Arguments> allowedAndForbidden() {
    return Stream.of(
        Arguments.of(
            "carehome-a", "POST", "/Patient", careHomeResident(), 201, "POST", "/Organization"),
        Arguments.of("carehome-b", "GET", "/Observation", null, 200, "POST", "/Encounter"),
        Arguments.of("gp-practice", "POST", "/Encounter", ENCOUNTER, 201, "POST", "/Observation"),
        Arguments.of("hospital", "GET", "/Organization", null, 200, "DELETE", "/Observation/x"),
        Arguments.of("analyst", "GET", "/Patient", null, 200, "POST", "/Encounter"),
        Arguments.of(
            "admin",
            "POST",
            "/Organization",
            "{\"resourceType\":\"Organization\"}",
            201,
            null,
            null));
  }

  @ParameterizedTest(name = "{0}: {1} {2} allowed, {5} {6} forbidden")
  @MethodSource("allowedAndForbidden")
  void eachPartyMayDoWhatItsScopesAllowAndIsRefusedTheRest(
      String clientId,
      String method,
      String path,
      String body,
      int expected,
      String forbiddenMethod,
      String forbiddenPath) {
    var allowed = fhirAs(clientId);
    if (body != null) {
      allowed.body(body);
    }
    allowed.request(method, path).then().statusCode(expected);

    if (forbiddenMethod != null) {
      var forbidden = fhirAs(clientId);
      if (!"GET".equals(forbiddenMethod) && !"DELETE".equals(forbiddenMethod)) {
        forbidden.body(PATIENT.replace("Patient", forbiddenPath.substring(1)));
      }
      forbidden
          .request(forbiddenMethod, forbiddenPath)
          .then()
          .statusCode(403)
          .body("resourceType", equalTo("OperationOutcome"))
          .body("issue[0].severity", equalTo("error"))
          .body("issue[0].code", equalTo("forbidden"));
    }
  }

  @Test
  void aTokenAskingForFewerScopesGetsOnlyThose() throws Exception {
    String patientsOnly = SandboxTokens.fetch(port, "carehome-a", "system/Patient.cruds");

    assertThat(payload(patientsOnly).path("scope").toString())
        .isEqualTo("[\"system/Patient.cruds\"]");
    fhirAnonymous().auth().oauth2(patientsOnly).get("/Patient").then().statusCode(200);
    fhirAnonymous()
        .auth()
        .oauth2(patientsOnly)
        .get("/Observation")
        .then()
        .statusCode(403)
        .body("issue[0].code", equalTo("forbidden"));
  }

  @Test
  void aClientCannotAskForScopesItWasNotGiven() {
    io.restassured.RestAssured.given()
        .auth()
        .preemptive()
        .basic("carehome-a", SandboxTokens.SECRET)
        .formParam("grant_type", "client_credentials")
        .formParam("scope", "system/Organization.cruds")
        .post("/oauth2/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_scope"));
  }

  @Test
  void aWrongSecretGetsNoToken() {
    io.restassured.RestAssured.given()
        .auth()
        .preemptive()
        .basic("carehome-a", "not-the-secret")
        .formParam("grant_type", "client_credentials")
        .post("/oauth2/token")
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"));
  }

  @Test
  void withoutAScopeParameterATokenGetsAllTheClientsScopesAndSaysSo() {
    io.restassured.RestAssured.given()
        .auth()
        .preemptive()
        .basic("gp-practice", SandboxTokens.SECRET)
        .formParam("grant_type", "client_credentials")
        .post("/oauth2/token")
        .then()
        .statusCode(200)
        .body(
            "scope",
            org.hamcrest.Matchers.allOf(
                containsString("system/*.rs"),
                containsString("system/Encounter.cruds"),
                containsString("system/Patient.cruds"),
                org.hamcrest.Matchers.matchesPattern("\\S+ \\S+ \\S+")))
        .body("expires_in", org.hamcrest.Matchers.greaterThan(3000));
  }

  @Test
  void credentialsInTheFormBodyWorkToo() {
    io.restassured.RestAssured.given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", "analyst")
        .formParam("client_secret", SandboxTokens.SECRET)
        .post("/oauth2/token")
        .then()
        .statusCode(200)
        .body("token_type", equalTo("Bearer"));
  }

  @Test
  void noTokenGets401WithAnOperationOutcome() {
    for (String path : List.of("/Patient", "/Patient/1", "/")) {
      fhirAnonymous()
          .get(path)
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", equalTo("Bearer"))
          .body("resourceType", equalTo("OperationOutcome"))
          .body("issue[0].severity", equalTo("error"))
          .body("issue[0].code", equalTo("login"));
    }
  }

  static JsonNode payload(String jwt) throws Exception {
    String payload = jwt.split("\\.")[1];
    return new ObjectMapper()
        .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }
}
