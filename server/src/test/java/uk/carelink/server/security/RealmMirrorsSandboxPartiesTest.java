package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.support.FhirApiTest;

/**
 * Keycloak (prod) and the sandbox issuer must give each party the same claims and scopes: the realm
 * file is compared with the configured sandbox parties.
 */
class RealmMirrorsSandboxPartiesTest extends FhirApiTest {

  private static final Path REALM = Path.of("..", "docker", "keycloak", "carelink-realm.json");
  private static final Set<String> NON_SMART_SCOPES = Set.of("basic", "service_account");

  @Autowired SandboxProperties sandbox;

  @Test
  void everyRealmClientHasTheSandboxPartysClaimsAndScopes() throws IOException {
    Map<String, JsonNode> realmClients = new TreeMap<>();
    new ObjectMapper()
        .readTree(REALM.toFile())
        .path("clients")
        .forEach(client -> realmClients.put(client.path("clientId").asText(), client));

    assertThat(realmClients.keySet())
        .containsExactlyInAnyOrderElementsOf(
            sandbox.clients().stream().map(SandboxProperties.SandboxParty::clientId).toList());
    for (SandboxProperties.SandboxParty party : sandbox.clients()) {
      JsonNode client = realmClients.get(party.clientId());
      Set<String> scopes = new TreeSet<>();
      client.path("defaultClientScopes").forEach(scope -> scopes.add(scope.asText()));
      scopes.removeAll(NON_SMART_SCOPES);
      Map<String, String> claims = new HashMap<>();
      client
          .path("protocolMappers")
          .forEach(
              mapper ->
                  claims.put(
                      mapper.path("config").path("claim.name").asText(),
                      mapper.path("config").path("claim.value").asText()));

      assertThat(scopes).as(party.clientId()).isEqualTo(new TreeSet<>(party.scopes()));
      assertThat(claims)
          .as(party.clientId())
          .containsEntry("org_system", party.organizationSystem())
          .containsEntry("org_value", party.organizationValue())
          .containsEntry("role", party.role())
          .containsEntry("purpose_of_use", party.purposeOfUse());
      assertThat(client.path("defaultClientScopes").toString())
          .as("%s tokens carry client_id", party.clientId())
          .contains("service_account");
    }
  }
}
