package uk.carelink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthOptionsTest {
  private HttpServer server;
  private final List<String> tokenForms = new CopyOnWriteArrayList<>();
  private URI root;

  @BeforeEach
  void start() throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.createContext(
        "/oauth2/token",
        ex -> {
          tokenForms.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          reply(ex, 200, "{\"access_token\":\"tok-" + tokenForms.size() + "\",\"expires_in\":300}");
        });
    server.createContext(
        "/fhir/Patient/1",
        ex -> {
          String auth = ex.getRequestHeaders().getFirst("Authorization");
          reply(ex, 200, auth == null ? "none" : auth);
        });
    server.start();
    root = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void clientCredentialsTokenIsFetchedOnceAndSentAsBearer() throws Exception {
    AuthOptions auth =
        AuthOptions.from(
            CliArgs.parse(
                "x",
                "--token-url",
                "/oauth2/token",
                "--client-id",
                "carehome-a",
                "--client-secret",
                "sandbox-secret",
                "--hospital-client-id",
                "hospital"));
    var http = FhirHttpClient.newHttpClient();
    FhirHttpClient careHome =
        auth.client(http, root, URI.create(root + "/fhir"), AuthOptions.Party.CARE_HOME);
    FhirHttpClient hospital =
        auth.client(http, root, URI.create(root + "/fhir"), AuthOptions.Party.HOSPITAL);

    assertThat(careHome.get("Patient/1").body()).isEqualTo("Bearer tok-1");
    assertThat(careHome.get("Patient/1").body()).isEqualTo("Bearer tok-1");
    assertThat(hospital.get("Patient/1").body()).isEqualTo("Bearer tok-2");
    assertThat(tokenForms)
        .containsExactly(
            "grant_type=client_credentials&client_id=carehome-a&client_secret=sandbox-secret",
            "grant_type=client_credentials&client_id=hospital&client_secret=sandbox-secret");
  }

  @Test
  void byDefaultBothWorkloadsAskTheSandboxIssuerForAnAdminToken() throws Exception {
    AuthOptions auth = AuthOptions.from(CliArgs.parse("x"));
    FhirHttpClient careHome =
        auth.client(
            FhirHttpClient.newHttpClient(),
            root,
            URI.create(root + "/fhir"),
            AuthOptions.Party.CARE_HOME);

    assertThat(careHome.get("Patient/1").body()).isEqualTo("Bearer tok-1");
    assertThat(tokenForms)
        .containsExactly(
            "grant_type=client_credentials&client_id=admin&client_secret=sandbox-secret");
    assertThat(auth.hospitalClientId()).isEqualTo("admin");
  }

  @Test
  void tokenUrlNoneSendsNoAuthorizationHeader() throws Exception {
    FhirHttpClient c =
        AuthOptions.from(CliArgs.parse("x", "--token-url", "none"))
            .client(
                FhirHttpClient.newHttpClient(),
                root,
                URI.create(root + "/fhir"),
                AuthOptions.Party.CARE_HOME);
    assertThat(c.get("Patient/1").body()).isEqualTo("none");
  }

  @Test
  void noTokenUrlMeansNoAuthorizationHeader() throws Exception {
    FhirHttpClient c =
        AuthOptions.none()
            .client(
                FhirHttpClient.newHttpClient(),
                root,
                URI.create(root + "/fhir"),
                AuthOptions.Party.CARE_HOME);
    assertThat(c.get("Patient/1").body()).isEqualTo("none");
  }

  @Test
  void onlyLoopbackIsAllowed() {
    assertThatThrownBy(
            () ->
                new FhirHttpClient(
                    FhirHttpClient.newHttpClient(),
                    URI.create("http://example.org/fhir"),
                    Optional.empty(),
                    AuthOptions.READ_TIMEOUT,
                    AuthOptions.WRITE_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AuthOptions(Optional.of("http://10.0.0.1/token"), "a", "b", "a", "b")
                    .client(
                        FhirHttpClient.newHttpClient(),
                        root,
                        URI.create(root + "/fhir"),
                        AuthOptions.Party.CARE_HOME))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
