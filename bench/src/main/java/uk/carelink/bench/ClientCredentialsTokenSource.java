package uk.carelink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4), credentials in the form body. The token is
 * cached and fetched again 30 s before it expires.
 */
final class ClientCredentialsTokenSource implements BearerTokenSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private String token;
  private long refreshAtNanos;

  ClientCredentialsTokenSource(
      HttpClient http, URI tokenUrl, String clientId, String clientSecret) {
    this.http = http;
    this.tokenUrl = Loopback.require(tokenUrl);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public synchronized String token() throws IOException, InterruptedException {
    if (token == null || System.nanoTime() - refreshAtNanos > 0) {
      fetch();
    }
    return token;
  }

  private void fetch() throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "token request to "
              + tokenUrl
              + " failed: HTTP "
              + response.statusCode()
              + " "
              + FhirHttpClient.abbreviate(response.body(), 300));
    }
    JsonNode body = JSON.readTree(response.body());
    String accessToken = body.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw new IOException("token response has no access_token: " + response.body());
    }
    long expiresIn = body.path("expires_in").asLong(300);
    token = accessToken;
    refreshAtNanos = System.nanoTime() + Duration.ofSeconds(Math.max(1, expiresIn - 30)).toNanos();
  }
}
