package uk.carelink.server.support;

import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-credentials tokens from the sandbox issuer of the test server, fetched once per client and
 * cached for the test run (they live an hour; the test server's key lives as long as its context).
 */
public final class SandboxTokens {

  public static final String SECRET = "sandbox-secret";
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SandboxTokens() {}

  public static String token(int port, String clientId) {
    return CACHE.computeIfAbsent(port + " " + clientId, key -> fetch(port, clientId));
  }

  /** A new token with all the client's scopes. */
  public static String fetch(int port, String clientId) {
    return fetch(port, clientId, null);
  }

  /** A new token; {@code scope} (space-separated) asks for a subset, null for every scope. */
  public static String fetch(int port, String clientId, String scope) {
    var request = RestAssured.given();
    if (scope != null) {
      request = request.formParam("scope", scope);
    }
    return request
        .baseUri("http://127.0.0.1")
        .port(port)
        .basePath("")
        .auth()
        .preemptive()
        .basic(clientId, SECRET)
        .formParam("grant_type", "client_credentials")
        .post("/oauth2/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
