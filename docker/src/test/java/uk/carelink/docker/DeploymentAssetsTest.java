package uk.carelink.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the deployment assets in docker/ consistent with each other and with the server module.
 *
 * <p>There is no Docker engine where the project is developed and tested, so nothing here builds an
 * image or starts a container: the tests read compose.yaml, .env.example, the Dockerfile, its
 * .dockerignore and the Keycloak realm as files, offline, and fail when one of them refers to
 * something that does not exist or does not match.
 */
class DeploymentAssetsTest {

  /**
   * Environment variables the CareLink server reads. Mirrors the "Server configuration" reference
   * in docker/README.md: when the server learns a new variable, add it to both.
   */
  static final Set<String> SERVER_ENVIRONMENT_ALLOW_LIST =
      Set.of(
          "SPRING_PROFILES_ACTIVE",
          "SPRING_DATASOURCE_URL",
          "SPRING_DATASOURCE_USERNAME",
          "SPRING_DATASOURCE_PASSWORD",
          "JAVA_OPTS",
          "SERVER_PORT",
          "CARELINK_SECURITY_ISSUER_URI",
          "CARELINK_SECURITY_JWK_SET_URI");

  static final String READINESS_PATH = "/actuator/health/readiness";
  static final String SERVER_SERVICE = "server";
  static final String FHIR_AUDIENCE = "carelink-fhir";

  static final String CQC_LOCATION = "https://carelink.example.org/Id/cqc-location-id";
  static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";

  /**
   * The sandbox parties of the development realm: client id to role, organisation, purposes of use
   * (space-separated, the default first).
   */
  static final Map<String, Party> SANDBOX_PARTIES =
      Map.of(
          "carehome-a", new Party("carehome", CQC_LOCATION, "1-101000001", "TREAT HOPERAT"),
          "carehome-b", new Party("carehome", CQC_LOCATION, "1-101000002", "TREAT HOPERAT"),
          "gp-practice", new Party("gp", ODS_CODE, "S12345", "TREAT"),
          "hospital", new Party("hospital", ODS_CODE, "X1H01", "TREAT"),
          "analyst", new Party("analyst", ODS_CODE, "X1A01", "HOPERAT HRESCH PUBHLTH"),
          "admin", new Party("admin", ODS_CODE, "X1Z01", "HOPERAT"));

  /** SMART App Launch v2 system scope: system/(Type|*).(c?r?u?d?s?). */
  static final Pattern SMART_V2_SYSTEM_SCOPE =
      Pattern.compile("system/(\\*|[A-Z][A-Za-z]+)\\.(?=[cruds])c?r?u?d?s?");

  /** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ..., $VAR. */
  static final Pattern INTERPOLATION =
      Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  static final Pattern WHITESPACE = Pattern.compile("\\s+");

  static final Path DOCKER_DIR = locateDockerModule();
  static final Path REPO_ROOT = DOCKER_DIR.getParent();

  record Party(String role, String orgSystem, String orgValue, String purposeOfUse) {}

  record Interpolation(String name, String operator) {
    boolean hasDefault() {
      return "-".equals(operator) || ":-".equals(operator);
    }
  }

  record Instruction(String keyword, String arguments) {}

  record Stage(String name, List<Instruction> instructions) {}

  // ---------------------------------------------------------------------------------------------
  // compose.yaml and .env.example
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyComposeVariableIsDefinedInTheEnvExample() {
    Set<String> defined = envExample().keySet();

    Set<String> undefined = new TreeSet<>();
    for (Interpolation variable : composeInterpolations()) {
      if (!variable.hasDefault() && !defined.contains(variable.name())) {
        undefined.add(variable.name());
      }
    }

    assertThat(undefined)
        .as("variables compose.yaml uses without a default but .env.example does not define")
        .isEmpty();
  }

  @Test
  void everyEnvExampleVariableIsUsedByTheComposeFileAndHasAnExampleValue() {
    Set<String> used = new TreeSet<>();
    composeInterpolations().forEach(variable -> used.add(variable.name()));

    Map<String, String> example = envExample();
    assertThat(example).as(".env.example entries").isNotEmpty();
    assertThat(new TreeSet<>(example.keySet()))
        .as(".env.example variables that compose.yaml never uses")
        .isSubsetOf(used);
    example.forEach(
        (name, value) -> assertThat(value).as("example value of %s", name).isNotBlank());
  }

  @Test
  void everyPathTheComposeFileUsesExists() {
    Map<String, Object> compose = compose();
    Set<String> declaredVolumes = map(compose.getOrDefault("volumes", Map.of())).keySet();
    List<String> problems = new ArrayList<>();

    services()
        .forEach(
            (service, definition) -> {
              Object build = definition.get("build");
              if (build != null) {
                Map<String, Object> buildMap =
                    build instanceof String context ? Map.of("context", context) : map(build);
                Path context = DOCKER_DIR.resolve(string(buildMap.get("context"))).normalize();
                Path dockerfile =
                    context.resolve(string(buildMap.getOrDefault("dockerfile", "Dockerfile")));
                if (!Files.isDirectory(context)) {
                  problems.add(service + ": build context " + context + " is not a directory");
                }
                if (!Files.isRegularFile(dockerfile)) {
                  problems.add(service + ": Dockerfile " + dockerfile + " does not exist");
                }
              }
              for (Object volume : list(definition.getOrDefault("volumes", List.of()))) {
                String type;
                String source;
                if (volume instanceof String shortSyntax) {
                  if (shortSyntax.indexOf(':') < 0) {
                    continue; // anonymous volume: nothing to check
                  }
                  source = shortSyntax.substring(0, shortSyntax.indexOf(':'));
                  type = source.startsWith(".") || source.startsWith("/") ? "bind" : "volume";
                } else {
                  Map<String, Object> longSyntax = map(volume);
                  type = string(longSyntax.get("type"));
                  source = string(longSyntax.getOrDefault("source", ""));
                }
                if ("bind".equals(type) && !Files.exists(DOCKER_DIR.resolve(source))) {
                  problems.add(service + ": mounted path " + source + " does not exist in docker/");
                }
                if ("volume".equals(type) && !declaredVolumes.contains(source)) {
                  problems.add(service + ": named volume " + source + " is not declared");
                }
              }
              Object envFiles = definition.get("env_file");
              if (envFiles != null) {
                List<Object> files = envFiles instanceof String one ? List.of(one) : list(envFiles);
                for (Object file : files) {
                  String path = file instanceof String s ? s : string(map(file).get("path"));
                  if (!Files.isRegularFile(DOCKER_DIR.resolve(path))) {
                    problems.add(service + ": env_file " + path + " does not exist");
                  }
                }
              }
            });

    assertThat(problems).as("paths compose.yaml refers to").isEmpty();
  }

  @Test
  void theServerIsBuiltFromTheRepositoryRootWithTheDockerfileHere() {
    Map<String, Object> build = map(service(SERVER_SERVICE).get("build"));

    assertThat(DOCKER_DIR.resolve(string(build.get("context"))).normalize())
        .as("build context of the server")
        .isEqualTo(REPO_ROOT);
    assertThat(REPO_ROOT.resolve(string(build.get("dockerfile"))).normalize())
        .isEqualTo(DOCKER_DIR.resolve("Dockerfile"));
  }

  @Test
  void theServerReceivesOnlyEnvironmentVariablesItReads() {
    assertThat(serverEnvironment().keySet())
        .as("environment of the server service (allow-list mirrors README.md)")
        .isSubsetOf(SERVER_ENVIRONMENT_ALLOW_LIST);
  }

  @Test
  void theServerRunsInProductionModeAgainstThePostgresService() {
    Map<String, String> server = serverEnvironment();
    Map<String, String> postgres = environment(service("postgres"));

    assertThat(server).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
    assertThat(server.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(variablesIn(server.get("SPRING_DATASOURCE_URL")))
        .as("database name of the server")
        .isEqualTo(variablesIn(postgres.get("POSTGRES_DB")));
    assertThat(variablesIn(server.get("SPRING_DATASOURCE_USERNAME")))
        .isEqualTo(variablesIn(postgres.get("POSTGRES_USER")))
        .isNotEmpty();
    assertThat(variablesIn(server.get("SPRING_DATASOURCE_PASSWORD")))
        .isEqualTo(variablesIn(postgres.get("POSTGRES_PASSWORD")))
        .isNotEmpty();
  }

  @Test
  void theServerTrustsTheRealmsPublicIssuerAndFetchesKeysInsideTheNetwork() {
    Map<String, String> server = serverEnvironment();
    String publicUrl = environment(service("keycloak")).get("KC_HOSTNAME");

    assertThat(server.get("CARELINK_SECURITY_ISSUER_URI"))
        .as("issuer = Keycloak's public URL (KC_HOSTNAME) + the realm")
        .isEqualTo(publicUrl + "/realms/" + realm().path("realm").asText());
    assertThat(server.get("CARELINK_SECURITY_JWK_SET_URI"))
        .isEqualTo("http://keycloak:8080/realms/carelink/protocol/openid-connect/certs");
  }

  @Test
  void theServerStartsOnlyAfterItsDependenciesAreHealthy() {
    Map<String, Object> dependsOn = map(service(SERVER_SERVICE).get("depends_on"));

    assertThat(dependsOn).containsOnlyKeys("postgres", "keycloak");
    dependsOn.forEach(
        (dependency, condition) -> {
          assertThat(map(condition))
              .as("condition on %s", dependency)
              .containsEntry("condition", "service_healthy");
          assertThat(service(dependency)).as("service %s", dependency).containsKey("healthcheck");
        });
    assertThat(service(SERVER_SERVICE)).containsEntry("restart", "unless-stopped");
  }

  @Test
  void everyServiceHasAHealthCheckThatProbesReadiness() {
    services()
        .forEach(
            (name, service) ->
                assertThat(map(service.get("healthcheck")))
                    .as("health check of %s", name)
                    .containsKey("test"));
    assertThat(healthCheck("postgres")).contains("pg_isready");
    assertThat(healthCheck(SERVER_SERVICE)).contains(READINESS_PATH);

    // Keycloak serves health on its management port only when health is enabled.
    assertThat(environment(service("keycloak"))).containsEntry("KC_HEALTH_ENABLED", "true");
    assertThat(healthCheck("keycloak"))
        .contains("/dev/tcp/127.0.0.1/9000", "/health/ready", " 200 ");

    assertThat(dockerfileInstructions("HEALTHCHECK"))
        .singleElement()
        .satisfies(check -> assertThat(check.arguments()).contains(READINESS_PATH));
  }

  @Test
  void theServerPublishesThePortTheApplicationListensOn() {
    int port = applicationPort();

    List<Object> ports = list(service(SERVER_SERVICE).get("ports"));
    assertThat(ports).as("published ports of the server").isNotEmpty();
    for (Object mapping : ports) {
      String text = String.valueOf(mapping).replaceFirst("/tcp$", "");
      assertThat(text.substring(text.lastIndexOf(':') + 1))
          .as("container side of %s", mapping)
          .isEqualTo(String.valueOf(port));
    }
    assertThat(healthCheck(SERVER_SERVICE)).contains(":" + port + READINESS_PATH);
    assertThat(dockerfileInstructions("EXPOSE"))
        .extracting(Instruction::arguments)
        .contains(String.valueOf(port));
    assertThat(dockerfileInstructions("HEALTHCHECK").get(0).arguments())
        .contains("${SERVER_PORT:-" + port + "}" + READINESS_PATH);
  }

  @Test
  void keycloakImportsTheCareLinkRealmAtStart() {
    Map<String, Object> keycloak = service("keycloak");

    assertThat(String.join(" ", strings(keycloak.get("command"))))
        .contains("start-dev", "--import-realm");
    assertThat(strings(keycloak.get("volumes")))
        .anySatisfy(
            volume ->
                assertThat(volume)
                    .startsWith("./keycloak/carelink-realm.json:/opt/keycloak/data/import/"));
    assertThat(environment(keycloak))
        .containsKeys("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");
    assertThat(strings(keycloak.get("ports"))).contains("8081:8080");
  }

  @Test
  void theReadmeDocumentsEveryServerVariable() throws IOException {
    String readme = Files.readString(DOCKER_DIR.resolve("README.md"));

    assertThat(readme).contains("Server configuration");
    SERVER_ENVIRONMENT_ALLOW_LIST.forEach(
        name -> assertThat(readme).as("README mentions %s", name).contains("`" + name + "`"));
  }

  // ---------------------------------------------------------------------------------------------
  // Dockerfile and its .dockerignore
  // ---------------------------------------------------------------------------------------------

  @Test
  void theDockerfileCopiesOnlyFilesThatExistInTheRepository() {
    List<String> missing = new ArrayList<>();
    for (Instruction copy : dockerfileInstructions("COPY")) {
      List<String> arguments = copyArguments(copy);
      if (arguments.stream().anyMatch(argument -> argument.startsWith("--from"))) {
        continue;
      }
      List<String> paths = arguments.stream().filter(a -> !a.startsWith("--")).toList();
      assertThat(paths).as("COPY %s", copy.arguments()).hasSizeGreaterThan(1);
      for (String source : paths.subList(0, paths.size() - 1)) {
        if (!Files.exists(REPO_ROOT.resolve(source))) {
          missing.add(source);
        }
      }
    }

    assertThat(missing).as("COPY sources missing from the repository root").isEmpty();
  }

  @Test
  void theImageShipsTheJarTheServerBuildProduces() {
    String jar = "server/target/" + serverFinalName() + ".jar";
    List<Stage> stages = dockerfileStages();
    Stage build = stages.get(0);
    Stage runtime = stages.get(stages.size() - 1);

    assertThat(build.instructions())
        .filteredOn(instruction -> instruction.keyword().equals("RUN"))
        .extracting(Instruction::arguments)
        .anySatisfy(run -> assertThat(run).contains("mvn", "-pl server", "-am", "package"));
    String buildDirectory =
        build.instructions().stream()
            .filter(instruction -> instruction.keyword().equals("WORKDIR"))
            .reduce((first, second) -> second)
            .orElseThrow()
            .arguments();

    List<List<String>> jarCopies =
        runtime.instructions().stream()
            .filter(instruction -> instruction.keyword().equals("COPY"))
            .map(DeploymentAssetsTest::copyArguments)
            .filter(arguments -> arguments.contains("--from=" + build.name()))
            .toList();
    assertThat(jarCopies).as("COPY --from=%s in the runtime stage", build.name()).hasSize(1);
    List<String> paths =
        jarCopies.get(0).stream().filter(argument -> !argument.startsWith("--")).toList();
    assertThat(paths).containsExactly(buildDirectory + "/" + jar, "/app/carelink-server.jar");

    // The copied jar is extracted (with a class-data-sharing archive) and the extract is run.
    assertThat(runtime.instructions())
        .filteredOn(instruction -> instruction.keyword().equals("RUN"))
        .extracting(Instruction::arguments)
        .anySatisfy(
            run ->
                assertThat(run)
                    .contains("prepare-fast-start.sh /app/carelink-server.jar /app/fast-start"));
    assertThat(dockerfileInstructions("ENTRYPOINT"))
        .singleElement()
        .satisfies(
            entrypoint ->
                assertThat(entrypoint.arguments())
                    .contains("exec java $JAVA_OPTS")
                    .contains("-XX:SharedArchiveFile=/app/fast-start/carelink.jsa")
                    .contains("-jar /app/fast-start/carelink-server.jar"));
  }

  @Test
  void theImageRunsAsANonRootUserReachableFromOutsideItsContainer() {
    List<Stage> stages = dockerfileStages();
    Stage runtime = stages.get(stages.size() - 1);

    String user =
        runtime.instructions().stream()
            .filter(instruction -> instruction.keyword().equals("USER"))
            .reduce((first, second) -> second)
            .orElseThrow()
            .arguments();
    assertThat(user).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
    assertThat(runtime.instructions())
        .filteredOn(instruction -> instruction.keyword().equals("ENV"))
        .extracting(Instruction::arguments)
        .contains("SERVER_ADDRESS=0.0.0.0")
        .anySatisfy(env -> assertThat(env).startsWith("JAVA_OPTS="));
  }

  /**
   * run-sandbox.sh, the image, compose and .env.example launch the server with the same JVM
   * options, and those compile huge methods and leave the heap room for a validating server (ADR
   * 19); the validation bench reads run-sandbox.sh's line, so it measures what ships.
   */
  @Test
  void everyLaunchShipsTheSameJvmOptions() {
    Matcher sandbox =
        Pattern.compile("(?m)^default_opts=\"([^\"]+)\"$")
            .matcher(read(REPO_ROOT.resolve("run-sandbox.sh")));
    assertThat(sandbox.find()).as("default_opts= line in run-sandbox.sh").isTrue();
    String shipped = sandbox.group(1);

    assertThat(words(shipped))
        .contains("-XX:-DontCompileHugeMethods", "-XX:+UseParallelGC", "-Xmx1g");
    assertThat(dockerfileInstructions("ENV"))
        .extracting(Instruction::arguments)
        .contains("JAVA_OPTS=\"" + shipped + "\"");
    assertThat(envExample()).containsEntry("CARELINK_JAVA_OPTS", shipped);
    assertThat(serverEnvironment())
        .containsEntry("JAVA_OPTS", "${CARELINK_JAVA_OPTS:-" + shipped + "}");
  }

  @Test
  void theBuildContextKeepsTheBuildInputsAndDropsLocalState() throws IOException {
    List<String> patterns =
        Files.readAllLines(DOCKER_DIR.resolve("Dockerfile.dockerignore")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

    assertThat(
            List.of(
                "pom.xml",
                ".mvn/jvm.config",
                "server/pom.xml",
                "server/src/main/java/uk/carelink/Example.java",
                "server/src/main/resources/application.yaml",
                "docker/Dockerfile"))
        .as("build inputs the .dockerignore must keep")
        .noneMatch(path -> excludedByDockerignore(patterns, path));
    assertThat(
            List.of(
                ".git/config",
                "server/target/carelink-server.jar",
                "data/pg/PG_VERSION",
                "server/data/pg/PG_VERSION",
                "docker/.env",
                "node_modules/x/package.json"))
        .as("local state the .dockerignore must drop")
        .allMatch(path -> excludedByDockerignore(patterns, path));
  }

  // ---------------------------------------------------------------------------------------------
  // Keycloak realm
  // ---------------------------------------------------------------------------------------------

  @Test
  void theRealmDefinesTheSixSandboxPartiesAsConfidentialServiceAccounts() {
    JsonNode realm = realm();
    assertThat(realm.path("realm").asText()).isEqualTo("carelink");
    assertThat(realm.path("enabled").asBoolean()).isTrue();

    Map<String, JsonNode> clients = clients(realm);
    assertThat(clients).containsOnlyKeys(SANDBOX_PARTIES.keySet());
    clients.forEach(
        (id, client) -> {
          assertThat(client.path("protocol").asText()).as(id).isEqualTo("openid-connect");
          assertThat(client.path("enabled").asBoolean()).as(id).isTrue();
          assertThat(client.path("publicClient").asBoolean(true)).as(id).isFalse();
          assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(id).isTrue();
          assertThat(client.path("standardFlowEnabled").asBoolean(true)).as(id).isFalse();
          assertThat(client.path("clientAuthenticatorType").asText())
              .as(id)
              .isEqualTo("client-secret");
          assertThat(client.path("secret").asText()).as("secret of %s", id).isNotBlank();
        });
  }

  @Test
  void everyRealmClientCarriesItsOrganisationRoleAndAudience() {
    clients(realm())
        .forEach(
            (id, client) -> {
              Party party = SANDBOX_PARTIES.get(id);
              Map<String, String> claims = new TreeMap<>();
              boolean audience = false;
              for (JsonNode mapper : client.path("protocolMappers")) {
                JsonNode config = mapper.path("config");
                if (!"true".equals(config.path("access.token.claim").asText())) {
                  continue;
                }
                switch (mapper.path("protocolMapper").asText()) {
                  case "oidc-hardcoded-claim-mapper" ->
                      claims.put(
                          config.path("claim.name").asText(), config.path("claim.value").asText());
                  case "oidc-audience-mapper" ->
                      audience |=
                          FHIR_AUDIENCE.equals(config.path("included.custom.audience").asText());
                  default -> {}
                }
              }
              assertThat(claims)
                  .as("hard-coded access token claims of %s", id)
                  .containsEntry("org_system", party.orgSystem())
                  .containsEntry("org_value", party.orgValue())
                  .containsEntry("role", party.role())
                  .containsEntry("purpose_of_use", party.purposeOfUse());
              assertThat(audience).as("%s has audience %s", id, FHIR_AUDIENCE).isTrue();
              List<String> scopes = new ArrayList<>();
              client.path("defaultClientScopes").forEach(scope -> scopes.add(scope.asText()));
              assertThat(scopes).as("%s tokens carry client_id", id).contains("service_account");
            });
  }

  @Test
  void everyClientScopeAClientUsesIsDefinedInTheRealm() {
    JsonNode realm = realm();
    Map<String, JsonNode> scopes = new LinkedHashMap<>();
    realm.path("clientScopes").forEach(scope -> scopes.put(scope.path("name").asText(), scope));

    clients(realm)
        .forEach(
            (id, client) -> {
              List<String> used = new ArrayList<>();
              client.path("defaultClientScopes").forEach(scope -> used.add(scope.asText()));
              client.path("optionalClientScopes").forEach(scope -> used.add(scope.asText()));
              assertThat(scopes.keySet()).as("client scopes of %s", id).containsAll(used);
              assertThat(used)
                  .as("SMART scopes of %s", id)
                  .anyMatch(scope -> SMART_V2_SYSTEM_SCOPE.matcher(scope).matches());
            });
    scopes.forEach(
        (name, scope) -> {
          assertThat(scope.path("protocol").asText()).as(name).isEqualTo("openid-connect");
          if (name.startsWith("system/")) {
            assertThat(name).matches(SMART_V2_SYSTEM_SCOPE);
            assertThat(scope.path("attributes").path("include.in.token.scope").asText())
                .as("%s is written into the token's scope claim", name)
                .isEqualTo("true");
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the files
  // ---------------------------------------------------------------------------------------------

  static Path locateDockerModule() {
    // Surefire runs in the module directory; from the repository root, docker/ is one level down.
    Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    Path module =
        Files.isRegularFile(basedir.resolve("compose.yaml")) ? basedir : basedir.resolve("docker");
    assertThat(module.resolve("compose.yaml")).as("docker/compose.yaml").isRegularFile();
    return module;
  }

  static String read(Path path) {
    assertThat(path).as(path.toString()).isRegularFile();
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  static Map<String, Object> compose() {
    return map(yaml().load(read(DOCKER_DIR.resolve("compose.yaml"))));
  }

  static Map<String, Map<String, Object>> services() {
    Map<String, Map<String, Object>> services = new TreeMap<>();
    map(compose().get("services")).forEach((name, service) -> services.put(name, map(service)));
    return services;
  }

  static Map<String, Object> service(String name) {
    Map<String, Map<String, Object>> services = services();
    assertThat(services).as("compose services").containsKey(name);
    return services.get(name);
  }

  /** A service's environment, whether written as a map or as a list of NAME=value. */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new TreeMap<>();
    Object raw = service.getOrDefault("environment", Map.of());
    if (raw instanceof List<?> entries) {
      for (Object entry : entries) {
        String text = String.valueOf(entry);
        int equals = text.indexOf('=');
        environment.put(
            equals < 0 ? text : text.substring(0, equals),
            equals < 0 ? "" : text.substring(equals + 1));
      }
    } else {
      map(raw).forEach((name, value) -> environment.put(name, String.valueOf(value)));
    }
    return environment;
  }

  static Map<String, String> serverEnvironment() {
    return environment(service(SERVER_SERVICE));
  }

  static String healthCheck(String service) {
    Map<String, Object> healthcheck = map(service(service).get("healthcheck"));
    return String.join(" ", strings(healthcheck.get("test")));
  }

  /** Every interpolation in compose.yaml's keys and values (comments are not part of them). */
  static List<Interpolation> composeInterpolations() {
    List<String> scalars = new ArrayList<>();
    collectScalars(compose(), scalars);
    List<Interpolation> found = new ArrayList<>();
    for (String scalar : scalars) {
      Matcher matcher = INTERPOLATION.matcher(scalar.replace("$$", ""));
      while (matcher.find()) {
        found.add(
            matcher.group(1) != null
                ? new Interpolation(matcher.group(1), matcher.group(2))
                : new Interpolation(matcher.group(4), null));
      }
    }
    assertThat(found).as("interpolations in compose.yaml").isNotEmpty();
    return found;
  }

  static Set<String> variablesIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = INTERPOLATION.matcher(String.valueOf(text).replace("$$", ""));
    while (matcher.find()) {
      names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(4));
    }
    return names;
  }

  static void collectScalars(Object node, List<String> scalars) {
    if (node instanceof Map<?, ?> mapNode) {
      mapNode.forEach(
          (key, value) -> {
            collectScalars(key, scalars);
            collectScalars(value, scalars);
          });
    } else if (node instanceof List<?> listNode) {
      listNode.forEach(item -> collectScalars(item, scalars));
    } else if (node instanceof String text) {
      scalars.add(text);
    }
  }

  /** NAME=value lines of .env.example, in order. */
  static Map<String, String> envExample() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : read(DOCKER_DIR.resolve(".env.example")).lines().toList()) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      if (entry.startsWith("export ")) {
        entry = entry.substring("export ".length()).strip();
      }
      int equals = entry.indexOf('=');
      assertThat(equals).as("NAME=value line in .env.example: %s", line).isPositive();
      String value = entry.substring(equals + 1).strip();
      if (value.length() >= 2
          && ((value.startsWith("\"") && value.endsWith("\""))
              || (value.startsWith("'") && value.endsWith("'")))) {
        value = value.substring(1, value.length() - 1);
      }
      variables.put(entry.substring(0, equals).strip(), value);
    }
    return variables;
  }

  /** Dockerfile instructions with continuation lines joined and comments dropped. */
  static List<Instruction> dockerfileInstructionList() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : read(DOCKER_DIR.resolve("Dockerfile")).lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String text = current.toString().strip();
      current.setLength(0);
      String[] parts = WHITESPACE.split(text, 2);
      instructions.add(
          new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
    }
    return instructions;
  }

  static List<Instruction> dockerfileInstructions(String keyword) {
    return dockerfileInstructionList().stream()
        .filter(instruction -> instruction.keyword().equals(keyword))
        .toList();
  }

  static List<Stage> dockerfileStages() {
    List<Stage> stages = new ArrayList<>();
    for (Instruction instruction : dockerfileInstructionList()) {
      if (instruction.keyword().equals("FROM")) {
        List<String> words = words(instruction.arguments());
        String name =
            words.size() >= 3 && words.get(words.size() - 2).equalsIgnoreCase("AS")
                ? words.get(words.size() - 1)
                : String.valueOf(stages.size());
        stages.add(new Stage(name, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(instruction);
      }
    }
    assertThat(stages).as("Dockerfile stages").hasSizeGreaterThanOrEqualTo(2);
    return stages;
  }

  static List<String> words(String text) {
    return WHITESPACE.splitAsStream(text.strip()).toList();
  }

  /** Arguments of a COPY, in shell form or JSON (exec) form. */
  static List<String> copyArguments(Instruction copy) {
    String arguments = copy.arguments().strip();
    List<String> words = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (String word : words(arguments)) {
      if (word.startsWith("--") && words.isEmpty()) {
        flags.add(word);
      } else {
        words.add(word);
      }
    }
    String rest = String.join(" ", words);
    if (rest.startsWith("[")) {
      try {
        words.clear();
        new ObjectMapper().readTree(rest).forEach(node -> words.add(node.asText()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> all = new ArrayList<>(flags);
    all.addAll(words);
    return all;
  }

  /** Docker's .dockerignore rule: a path is left out if it or a parent matches a pattern. */
  static boolean excludedByDockerignore(List<String> patterns, String path) {
    boolean excluded = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      String glob = (negated ? pattern.substring(1) : pattern).strip();
      glob = glob.replaceAll("^/+", "").replaceAll("/+$", "");
      if (matchesItselfOrAParent(glob, path)) {
        excluded = !negated;
      }
    }
    return excluded;
  }

  static boolean matchesItselfOrAParent(String glob, String path) {
    List<String> globs = new ArrayList<>(List.of(glob));
    if (glob.startsWith("**/")) {
      globs.add(glob.substring(3)); // "**" also matches no directory at all
    }
    Path candidate = Path.of(path);
    for (int end = 1; end <= candidate.getNameCount(); end++) {
      Path prefix = candidate.subpath(0, end);
      for (String g : globs) {
        if (FileSystems.getDefault().getPathMatcher("glob:" + g).matches(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The server's {@code <build><finalName>} from server/pom.xml. */
  static String serverFinalName() {
    Path pom = REPO_ROOT.resolve("server/pom.xml");
    assertThat(pom).isRegularFile();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
      Element build = onlyChild(project, "build");
      return onlyChild(build, "finalName").getTextContent().strip();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  static Element onlyChild(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
    return found.get(0);
  }

  /**
   * The port the server listens on under the prod profile: server.port from application.yaml,
   * overridden by application-prod.yaml or a prod-activated document, else Spring's 8080. A
   * placeholder such as ${SERVER_PORT:8080} counts as its default.
   */
  static int applicationPort() {
    Path resources = REPO_ROOT.resolve("server/src/main/resources");
    Object port = null;
    for (Object document : yaml().loadAll(read(resources.resolve("application.yaml")))) {
      Map<String, Object> properties = document == null ? Map.of() : map(document);
      Object profile = property(properties, "spring.config.activate.on-profile");
      if (profile == null || String.valueOf(profile).contains("prod")) {
        Object value = property(properties, "server.port");
        port = value != null ? value : port;
      }
    }
    Path prod = resources.resolve("application-prod.yaml");
    if (Files.isRegularFile(prod)) {
      for (Object document : yaml().loadAll(read(prod))) {
        Object value = document == null ? null : property(map(document), "server.port");
        port = value != null ? value : port;
      }
    }
    String text = port == null ? "8080" : String.valueOf(port).strip();
    Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(text);
    return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : text);
  }

  /** A dotted property from nested YAML maps (also accepts the flat "a.b" key form). */
  static Object property(Map<String, Object> properties, String dotted) {
    if (properties.containsKey(dotted)) {
      return properties.get(dotted);
    }
    int dot = dotted.indexOf('.');
    if (dot < 0) {
      return null;
    }
    Object child = properties.get(dotted.substring(0, dot));
    return child instanceof Map ? property(map(child), dotted.substring(dot + 1)) : null;
  }

  static JsonNode realm() {
    try {
      return new ObjectMapper().readTree(read(DOCKER_DIR.resolve("keycloak/carelink-realm.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, JsonNode> clients(JsonNode realm) {
    Map<String, JsonNode> clients = new TreeMap<>();
    realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
    return clients;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    assertThat(node).as("YAML mapping").isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    assertThat(node).as("YAML sequence").isInstanceOf(List.class);
    return (List<Object>) node;
  }

  static List<String> strings(Object node) {
    if (node instanceof String text) {
      return List.of(text);
    }
    return list(node).stream().map(String::valueOf).toList();
  }

  static String string(Object node) {
    assertThat(node).as("YAML string").isInstanceOf(String.class);
    return (String) node;
  }
}
