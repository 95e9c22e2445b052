package uk.carelink.server.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak with the project's realm, run by {@code scripts/keycloak.sh} (which downloads it from
 * Maven Central once). Starting returns at once, so the caller can do other work while Keycloak
 * boots; {@link #issuer()} waits until it is ready.
 */
final class KeycloakProcess implements AutoCloseable {

  static final Path SCRIPT = Path.of("..", "scripts", "keycloak.sh").toAbsolutePath().normalize();
  private static final long READY_TIMEOUT_MINUTES = 5;

  private final Process starter;
  private final Path output;
  private final int port;

  private KeycloakProcess(Process starter, Path output, int port) {
    this.starter = starter;
    this.output = output;
    this.port = port;
  }

  static KeycloakProcess start() throws IOException {
    int port = freePort();
    Path output = Files.createTempFile("keycloak-start-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", SCRIPT.toString(), "start"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("KEYCLOAK_PORT", Integer.toString(port));
    return new KeycloakProcess(builder.start(), output, port);
  }

  /** The realm's issuer URL, once Keycloak answers for it. */
  String issuer() throws IOException, InterruptedException {
    if (!starter.waitFor(READY_TIMEOUT_MINUTES, TimeUnit.MINUTES) || starter.exitValue() != 0) {
      throw new IllegalStateException("Keycloak did not start:\n" + Files.readString(output));
    }
    return "http://127.0.0.1:" + port + "/realms/carelink";
  }

  String tokenEndpoint() throws IOException, InterruptedException {
    return issuer() + "/protocol/openid-connect/token";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    starter.destroy();
    Process stop =
        new ProcessBuilder(List.of("bash", SCRIPT.toString(), "stop"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    stop.waitFor(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
