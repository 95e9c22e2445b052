package uk.carelink.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carelink.server.support.ThrowawayPostgres;

/**
 * The packaged jar, run as the README says: against PostgreSQL when SPRING_DATASOURCE_URL is set,
 * and on the embedded database (persisted under the data directory) when it is not. Both in sandbox
 * mode: the API takes tokens from the jar's own sandbox issuer. Production mode with Keycloak is
 * {@link KeycloakProdIT}.
 */
class ServerJarIT {

  private static final String RESIDENT =
      "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Jarvis\"}]}";

  @Test
  void runsAgainstPostgresWhenADatasourceUrlIsGiven(@TempDir Path workDir) throws Exception {
    ThrowawayPostgres database = ThrowawayPostgres.create("carelink_jar");
    Map<String, String> env =
        Map.of(
            "SPRING_DATASOURCE_URL", database.jdbcUrl(),
            "SPRING_DATASOURCE_USERNAME", database.user(),
            "SPRING_DATASOURCE_PASSWORD", database.password(),
            // The sandbox world is checked on the embedded run below; skip it here to save time.
            "CARELINK_SANDBOX_ENABLED", "false");

    try (ServerJarProcess server = ServerJarProcess.start(env, workDir)) {
      assertServesFhirR4(server);
      // As the admin: a care home's Patient must be a valid resident (CareHomePartyRule), whose
      // managing care home is not there without the sandbox world.
      String token = server.sandboxToken("admin");
      assertThat(server.postJson("/fhir/Patient", RESIDENT, token).statusCode()).isEqualTo(201);
      assertThat(server.get("/fhir/Patient").statusCode()).isEqualTo(401);
      assertThat(server.log()).doesNotContain("starting embedded PostgreSQL");
    } finally {
      database.drop();
    }
    assertThat(workDir.resolve("data")).doesNotExist();
  }

  @Test
  void runsOnTheEmbeddedDatabaseWhenNoneIsGivenAndKeepsDataAcrossRestarts(@TempDir Path workDir)
      throws Exception {
    String id;
    try (ServerJarProcess server = ServerJarProcess.start(Map.of(), workDir)) {
      assertServesFhirR4(server);
      var created = server.postJson("/fhir/Patient", RESIDENT, server.sandboxToken("admin"));
      assertThat(created.statusCode()).isEqualTo(201);
      id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      assertThat(server.log()).contains("starting embedded PostgreSQL");
      assertServesTheSandboxWorld(server);
      assertTheReadmeTryItCommandsWork(server);
    }
    assertThat(Files.isDirectory(workDir.resolve("data").resolve("postgres"))).isTrue();

    try (ServerJarProcess restarted = ServerJarProcess.start(Map.of(), workDir)) {
      var read = restarted.get("/fhir/Patient/" + id, restarted.sandboxToken("admin"));
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).contains("Jarvis");
      assertThat(restarted.log()).contains("Sandbox world already loaded");
    }
  }

  /** The default world: two homes of about forty residents, with observations and admissions. */
  private static void assertServesTheSandboxWorld(ServerJarProcess server) throws Exception {
    assertThat(server.log()).contains("Sandbox world loaded");
    String careHome = server.sandboxToken("carehome-a");
    var stays =
        server.get(
            "/fhir/EpisodeOfCare?organization=Organization/org-carehome-a&status=active&_count=100",
            careHome);
    assertThat(stays.statusCode()).isEqualTo(200);
    long current = stays.body().split("\"resourceType\":\"EpisodeOfCare\"", -1).length - 1L;
    assertThat(current).as("current residents of carehome-a").isBetween(30L, 40L);
    String resident = stays.body().replaceAll("(?s).*?\"reference\":\"(Patient/[^\"]+)\".*", "$1");
    var observations = server.get("/fhir/Observation?subject=" + resident + "&_count=1", careHome);
    assertThat(observations.body()).contains("\"resourceType\":\"Observation\"");
    var admissions =
        server.get(
            "/fhir/Encounter?class=http://terminology.hl7.org/CodeSystem/v3-ActCode%7CIMP&_count=1",
            server.sandboxToken("hospital"));
    assertThat(admissions.body()).contains("\"resourceType\":\"Encounter\"");
  }

  /** Each curl of the README's "Try it" answers a non-empty Bundle. */
  private static void assertTheReadmeTryItCommandsWork(ServerJarProcess server) throws Exception {
    String commands = ReadmeTryIt.commands();
    int curls = commands.split("curl -s -H", -1).length - 1;
    String output = ReadmeTryIt.runAgainst(server.port);
    assertThat(output.split("\"resourceType\":\"Bundle\"", -1).length - 1)
        .as("bundles answered by the README's " + curls + " API calls")
        .isEqualTo(curls)
        .isGreaterThanOrEqualTo(5);
    assertThat(output).doesNotContain("OperationOutcome").doesNotContain("\"total\":0");
  }

  private static void assertServesFhirR4(ServerJarProcess server) throws Exception {
    var metadata = server.get("/fhir/metadata");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body()).contains("\"fhirVersion\":\"4.0.1\"");
  }
}
