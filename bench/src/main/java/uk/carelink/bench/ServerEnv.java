package uk.carelink.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environment for the server under test (null values remove an inherited variable). */
final class ServerEnv {
  static final String INTERCEPTORS = "CARELINK_INTERCEPTORS_ENABLED";
  static final String SANDBOX = "CARELINK_SANDBOX_ENABLED";
  static final String VALIDATION = "CARELINK_VALIDATION_ENABLED";

  private ServerEnv() {}

  /**
   * On a throw-away PostgreSQL database; {@code sandboxWorld} loads the synthetic world on start
   * (start-up runs measure it; workload runs leave it out so both variants start empty).
   */
  static Map<String, String> postgres(
      PostgresDatabases pg, String db, boolean interceptors, boolean sandboxWorld) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", pg.jdbcUrl(db));
    env.put("SPRING_DATASOURCE_USERNAME", pg.user());
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    env.put(INTERCEPTORS, Boolean.toString(interceptors));
    env.put(SANDBOX, Boolean.toString(sandboxWorld));
    return env;
  }

  /** The default run: the embedded database in a fresh data directory. */
  static Map<String, String> embedded(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", null);
    env.put("SPRING_DATASOURCE_USERNAME", null);
    env.put("SPRING_DATASOURCE_PASSWORD", null);
    // The server binds carelink.storage.data-dir (environment form CARELINK_STORAGE_DATADIR); the
    // bench also starts the server in dataDir, so a relative default lands there too.
    env.put("CARELINK_STORAGE_DATADIR", dataDir.toAbsolutePath().toString());
    env.put(INTERCEPTORS, "true");
    env.put(SANDBOX, "true");
    return env;
  }
}
