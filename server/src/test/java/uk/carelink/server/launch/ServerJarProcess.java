package uk.carelink.server.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The built server jar, started as its own process the way the README's run command does. */
final class ServerJarProcess implements AutoCloseable {

  static final Path JAR = Path.of("target", "carelink-server.jar");
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  final int port;
  final Duration startToReady;

  private ServerJarProcess(Process process, Path log, int port, Duration startToReady) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.startToReady = startToReady;
  }

  /** Starts the jar with the given environment and waits until readiness reports UP. */
  static ServerJarProcess start(Map<String, String> environment, Path workDir)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = Files.createTempFile("carelink-server-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    JAR.toAbsolutePath().toString()))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_"));
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
    Instant started = Instant.now();
    Process process = builder.start();
    return new ServerJarProcess(process, log, port, Duration.ZERO).awaitReady(started);
  }

  private ServerJarProcess awaitReady(Instant started) throws IOException, InterruptedException {
    Instant deadline = started.plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Server exited before it was ready:\n" + tail());
      }
      if (readinessStatus() == 200) {
        return new ServerJarProcess(process, log, port, Duration.between(started, Instant.now()));
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException("Server not ready within " + READY_TIMEOUT + ":\n" + tail());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** A GET with a bearer token. */
  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", bearer(token)).build());
  }

  /** A POST of FHIR JSON with a bearer token. */
  HttpResponse<String> postJson(String path, String body, String token)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", bearer(token))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A client-credentials token from this server's sandbox issuer. */
  String sandboxToken(String clientId) throws IOException, InterruptedException {
    return Tokens.clientCredentials(uri("/oauth2/token"), clientId, "sandbox-secret");
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private int readinessStatus() throws InterruptedException {
    try {
      return get("/actuator/health/readiness").statusCode();
    } catch (IOException notListeningYet) {
      return -1;
    }
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Everything the server has logged so far. */
  String log() throws IOException {
    return Files.readString(log);
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
