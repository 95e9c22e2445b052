package uk.carelink.server.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "Try it" commands, run as a newcomer would paste them (bash and curl) against a
 * server on another port: the README's examples stay true because a test runs them.
 */
final class ReadmeTryIt {

  private static final Path README = Path.of("..", "README.md");
  private static final Pattern BLOCK =
      Pattern.compile("## Try it\\n.*?```bash\\n(.*?)```", Pattern.DOTALL);

  private ReadmeTryIt() {}

  /** The commands of the README's "Try it" section. */
  static String commands() throws IOException {
    Matcher block = BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    if (!block.find()) {
      throw new IllegalStateException("README.md has no bash block under '## Try it'");
    }
    return block.group(1);
  }

  /** Runs the commands against the server on {@code port} and returns what they printed. */
  static String runAgainst(int port) throws IOException, InterruptedException {
    String script =
        commands()
            .replace("BASE=http://127.0.0.1:8080", "BASE=http://127.0.0.1:" + port)
            .replace("curl -s ", "curl -sS --fail-with-body ");
    Process bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .redirectErrorStream(true)
            .start();
    byte[] output = bash.getInputStream().readAllBytes();
    if (!bash.waitFor(2, TimeUnit.MINUTES) || bash.exitValue() != 0) {
      throw new IllegalStateException(
          "README 'Try it' failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
