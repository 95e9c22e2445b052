package uk.carelink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test as a child process ({@code java <jvm args> -jar server.jar}) bound to
 * 127.0.0.1 on a free port. Measures start-to-ready: from just before the process is launched to
 * the first {@code GET /actuator/health/readiness} answering 200 with status UP, polled every 100
 * ms.
 */
final class ServerProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How to launch the server: environment entries with a null value are removed; a null working
   * directory means the bench's own.
   */
  record Spec(
      Path jar, List<String> jvmArgs, Map<String, String> env, Path logFile, Path workingDir) {
    Spec(Path jar, List<String> jvmArgs, Map<String, String> env, Path logFile) {
      this(jar, jvmArgs, env, logFile, null);
    }
  }

  private final Process process;
  private final long launchedNanos;
  private final int port;
  private final Path logFile;
  private final Thread shutdownHook;

  private ServerProcess(Process process, long launchedNanos, int port, Path logFile) {
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.port = port;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stop, "stop-server-under-test");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static ServerProcess start(Spec spec) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmArgs());
    command.add("-jar");
    command.add(spec.jar().toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    spec.env()
        .forEach(
            (k, v) -> {
              if (v == null) {
                env.remove(k);
              } else {
                env.put(k, v);
              }
            });
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("SERVER_ADDRESS", Loopback.HOST);
    Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
    if (spec.workingDir() != null) {
      pb.directory(spec.workingDir().toFile());
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(spec.logFile().toAbsolutePath().toFile());
    long launched = System.nanoTime();
    Process p = pb.start();
    return new ServerProcess(p, launched, port, spec.logFile());
  }

  static int freePort() {
    try (ServerSocket s =
        new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI root() {
    return URI.create("http://" + Loopback.HOST + ":" + port);
  }

  URI fhirBase() {
    return URI.create(root() + "/fhir");
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  /**
   * Waits until the readiness probe answers UP.
   *
   * @return time from launch to ready
   */
  Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = launchedNanos + timeout.toNanos();
    long attempt = 0;
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IOException(
            "server exited with code "
                + process.exitValue()
                + " before it was ready; log tail:\n"
                + tail(40));
      }
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (r.statusCode() == 200 && isUp(r.body())) {
          return Duration.ofNanos(now - launchedNanos);
        }
      } catch (IOException e) {
        // not listening yet
      }
      attempt++;
      long sleepUntil = launchedNanos + attempt * POLL.toNanos();
      long sleep = sleepUntil - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
    }
    throw new IOException("server not ready within " + timeout + "; log tail:\n" + tail(40));
  }

  private static boolean isUp(String body) {
    try {
      return "UP".equals(JSON.readTree(body).path("status").asText());
    } catch (IOException e) {
      return false;
    }
  }

  long rssKib() {
    return ProcStatus.rssKib(process.pid());
  }

  long peakRssKib() {
    return ProcStatus.peakRssKib(process.pid());
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, up to 60 s for a graceful stop, then SIGKILL for it and its children. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }
}
