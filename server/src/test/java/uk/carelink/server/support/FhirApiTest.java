package uk.carelink.server.support;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: one server (one Spring context, shared by every test class) on
 * 127.0.0.1 and a random port, storing into a throw-away PostgreSQL database, driven over HTTP with
 * REST Assured. Requests carry a sandbox token ({@link SandboxTokens}), by default the admin's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "carelink.fhir.max-request-body=1MB",
      // A small sandbox world (two homes of eight beds) keeps the shared context quick to start.
      "carelink.sandbox.beds-per-home=8",
      "management.defaults.metrics.export.enabled=true",
      "management.prometheus.metrics.export.enabled=true",
      // Profile validation of resources that claim no profile (ProfileValidationApiTest).
      "carelink.validation.default-profiles.EpisodeOfCare="
          + "https://carelink.example.org/fhir/StructureDefinition/carehome-stay"
    })
public abstract class FhirApiTest {

  private static final ThrowawayPostgres DATABASE = ThrowawayPostgres.create("carelink_test");

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort protected int port;

  @Autowired protected FhirContext fhirContext;

  @BeforeEach
  void pointRestAssuredAtServer() {
    RestAssured.baseURI = "http://127.0.0.1";
    RestAssured.port = port;
    RestAssured.basePath = "";
  }

  /** A request to the FHIR API as the sandbox {@code admin} party (every scope). */
  protected RequestSpecification fhir() {
    return fhirAs("admin");
  }

  /** A request to the FHIR API with a sandbox token of the given client. */
  protected RequestSpecification fhirAs(String clientId) {
    return fhirAnonymous().auth().oauth2(SandboxTokens.token(port, clientId));
  }

  /** A request to the FHIR API without any token, with FHIR JSON content negotiation. */
  protected RequestSpecification fhirAnonymous() {
    return RestAssured.given()
        .basePath("/fhir")
        .accept("application/fhir+json")
        .contentType("application/fhir+json");
  }

  /** The ids on the first page of a search (none when it found nothing); the search must be 200. */
  protected static List<String> searchIds(RequestSpecification request, String path) {
    List<String> ids =
        request.get(path).then().statusCode(200).extract().jsonPath().getList("entry.resource.id");
    return ids == null ? List.of() : ids;
  }

  protected String json(IBaseResource resource) {
    return fhirContext.newJsonParser().encodeResourceToString(resource);
  }

  protected <T extends IBaseResource> T parse(Class<T> type, String body) {
    return fhirContext.newJsonParser().parseResource(type, body);
  }

  /** Creates a resident ({@link Fixtures#resident}) as the admin; the create must be 201. */
  protected String createResident(String family, String given) {
    return fhir()
        .body(json(Fixtures.resident(family, given)))
        .post("/Patient")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Number of resources of a type currently stored, as the API reports it. */
  protected int count(String resourceType) {
    return fhir()
        .queryParam("_summary", "count")
        .get("/" + resourceType)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }
}
