package uk.carelink.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carelink.server.support.ThrowawayPostgres;

/**
 * Acceptance 2: the packaged jar in {@code prod} mode trusts real Keycloak with the project's realm
 * (scripts/keycloak.sh) and enforces the same scopes as the sandbox; tokens of the sandbox issuer,
 * taken from the same jar run in sandbox mode on the same database, are refused.
 */
class KeycloakProdIT {

  private static final String RESIDENT =
      // A care home's write is validated against the resident profile (CareHomePartyRule).
      "{\"resourceType\":\"Patient\","
          + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9999999999\"}],"
          + "\"name\":[{\"family\":\"Keycloak\",\"given\":[\"Ann\"]}],\"gender\":\"female\","
          + "\"birthDate\":\"1930-01-01\","
          + "\"managingOrganization\":{\"reference\":\"Organization/org-carehome-a\"}}";

  @Test
  void aProdServerTrustsKeycloakTokensWithinTheirScopesAndRefusesSandboxTokens(
      @TempDir Path workDir) throws Exception {
    ThrowawayPostgres database = ThrowawayPostgres.create("carelink_prod");
    Map<String, String> datasource =
        Map.of(
            "SPRING_DATASOURCE_URL", database.jdbcUrl(),
            "SPRING_DATASOURCE_USERNAME", database.user(),
            "SPRING_DATASOURCE_PASSWORD", database.password());
    try (KeycloakProcess keycloak = KeycloakProcess.start()) {
      // While Keycloak boots: the same jar in sandbox mode hands out a sandbox token.
      String sandboxToken;
      String writtenInSandbox;
      try (ServerJarProcess sandbox = ServerJarProcess.start(datasource, workDir)) {
        sandboxToken = sandbox.sandboxToken("carehome-a");
        writtenInSandbox = idOf(sandbox.postJson("/fhir/Patient", RESIDENT, sandboxToken).body());
      }

      Map<String, String> prod = new java.util.HashMap<>(datasource);
      prod.put("SPRING_PROFILES_ACTIVE", "prod");
      prod.put("CARELINK_SECURITY_ISSUER_URI", keycloak.issuer());
      try (ServerJarProcess server = ServerJarProcess.start(prod, workDir)) {
        String token =
            Tokens.clientCredentials(
                URI.create(keycloak.tokenEndpoint()), "carehome-a", "sandbox-secret");

        // Within carehome-a's scopes: write and read residents and observations.
        var created = server.postJson("/fhir/Patient", RESIDENT, token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(server.get("/fhir/Patient/" + idOf(created.body()), token).statusCode())
            .isEqualTo(200);
        assertThat(server.get("/fhir/Patient/" + writtenInSandbox, token).statusCode())
            .isEqualTo(200);
        String weight =
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"weight\"},"
                + "\"subject\":{\"reference\":\"Patient/"
                + writtenInSandbox
                + "\"}}";
        assertThat(server.postJson("/fhir/Observation", weight, token).statusCode()).isEqualTo(201);

        // Beyond them: 403 with an OperationOutcome.
        var forbidden = server.get("/fhir/Flag", token);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"code\":\"forbidden\"");

        // No token, and the sandbox issuer's token: 401 with an OperationOutcome.
        var anonymous = server.get("/fhir/Patient");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"login\"");
        var sandboxTokenInProd = server.get("/fhir/Patient", sandboxToken);
        assertThat(sandboxTokenInProd.statusCode()).isEqualTo(401);
        assertThat(sandboxTokenInProd.body()).contains("OperationOutcome", "\"code\":\"login\"");
        assertThat(sandboxTokenInProd.headers().firstValue("WWW-Authenticate").orElse(""))
            .contains("invalid_token");

        // No sandbox endpoints in prod; the SMART configuration points at Keycloak.
        assertThat(server.get("/oauth2/jwks").statusCode()).isEqualTo(401);
        assertThat(server.get("/.well-known/smart-configuration").body())
            .contains("\"token_endpoint\":\"" + keycloak.tokenEndpoint() + "\"");
        assertThat(server.get("/fhir/metadata").statusCode()).isEqualTo(200);
      }
    } finally {
      database.drop();
    }
  }

  private static String idOf(String body) {
    return body.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }
}
