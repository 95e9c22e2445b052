package uk.carelink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Throw-away databases on the local PostgreSQL (127.0.0.1, trust auth) via its client tools. */
final class PostgresDatabases {
  private final int port;
  private final String user;

  PostgresDatabases(int port, String user) {
    this.port = port;
    this.user = user;
  }

  String jdbcUrl(String db) {
    return "jdbc:postgresql://" + Loopback.HOST + ":" + port + "/" + db;
  }

  String user() {
    return user;
  }

  void create(String db) throws IOException, InterruptedException {
    run("createdb", db);
  }

  void drop(String db) throws IOException, InterruptedException {
    run("dropdb", "--if-exists", db);
  }

  long sizeBytes(String db) throws IOException, InterruptedException {
    return Long.parseLong(psql("postgres", "select pg_database_size('" + db + "')").trim());
  }

  String serverVersion() throws IOException, InterruptedException {
    return psql("postgres", "show server_version").trim();
  }

  private String psql(String db, String sql) throws IOException, InterruptedException {
    return run("psql", "-X", "-t", "-A", "-d", db, "-c", sql);
  }

  private String run(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.add("-h");
    command.add(Loopback.HOST);
    command.add("-p");
    command.add(Integer.toString(port));
    command.add("-U");
    command.add(user);
    command.add("-w");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " timed out");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.trim());
    }
    return out;
  }
}
