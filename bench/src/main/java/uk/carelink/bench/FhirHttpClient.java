package uk.carelink.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Minimal FHIR REST client over {@link HttpClient} (HTTP/1.1, no redirects, loopback only): GETs
 * relative to the FHIR base and transaction/batch POSTs to the base, with an optional bearer token.
 */
public final class FhirHttpClient {
  private static final String FHIR_JSON = "application/fhir+json";

  private final HttpClient http;
  private final URI base;
  private final Optional<BearerTokenSource> tokens;
  private final Duration readTimeout;
  private final Duration writeTimeout;

  /** A response with its wall time (send until the whole body has arrived). */
  public record Response(int status, String body, long elapsedNanos) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public double elapsedMillis() {
      return elapsedNanos / 1e6;
    }
  }

  FhirHttpClient(
      HttpClient http,
      URI base,
      Optional<BearerTokenSource> tokens,
      Duration readTimeout,
      Duration writeTimeout) {
    String b = Loopback.require(base).toString();
    this.http = http;
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.tokens = tokens;
    this.readTimeout = readTimeout;
    this.writeTimeout = writeTimeout;
  }

  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public URI base() {
    return base;
  }

  /** GET {@code base/relative}; {@code relative} must already be URL-encoded. */
  public Response get(String relative) throws IOException, InterruptedException {
    URI uri = URI.create(base + "/" + relative);
    return send(builder(uri, readTimeout).GET().build());
  }

  /**
   * GET without HAPI's search cache ({@code Cache-Control: no-cache}): the server runs the search
   * afresh instead of answering from an identical search's stored results.
   */
  public Response getUncached(String relative) throws IOException, InterruptedException {
    URI uri = URI.create(base + "/" + relative);
    return send(builder(uri, readTimeout).header("Cache-Control", "no-cache").GET().build());
  }

  /** POST a transaction or batch bundle stored in a file. */
  public Response postBundle(Path file) throws IOException, InterruptedException {
    return postBundle(HttpRequest.BodyPublishers.ofFile(file));
  }

  /** POST a transaction or batch bundle. */
  public Response postBundle(byte[] json) throws IOException, InterruptedException {
    return postBundle(HttpRequest.BodyPublishers.ofByteArray(json));
  }

  private Response postBundle(HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return send(builder(base, writeTimeout).header("Content-Type", FHIR_JSON).POST(body).build());
  }

  private HttpRequest.Builder builder(URI uri, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", FHIR_JSON);
    if (tokens.isPresent()) {
      b.header("Authorization", "Bearer " + tokens.get().token());
    }
    return b;
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
  }

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }
}
