package uk.carelink.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environment for the server under test (null values remove an inherited variable). */
final class ServerEnv {
  static final String INTERCEPTORS = "CARELINK_INTERCEPTORS_ENABLED";

  private ServerEnv() {}

  /** On a throw-away PostgreSQL database. */
  static Map<String, String> postgres(PostgresDatabases pg, String db, boolean interceptors) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", pg.jdbcUrl(db));
    env.put("SPRING_DATASOURCE_USERNAME", pg.user());
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    env.put(INTERCEPTORS, Boolean.toString(interceptors));
    return env;
  }

  /** The default run: the embedded database in a fresh data directory. */
  static Map<String, String> embedded(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", null);
    env.put("SPRING_DATASOURCE_USERNAME", null);
    env.put("SPRING_DATASOURCE_PASSWORD", null);
    // The contract names CARELINK_DATA_DIR; the server binds carelink.storage.data-dir, whose
    // environment form is CARELINK_STORAGE_DATADIR. Set both (and the bench also starts the server
    // in dataDir, so a relative default lands there too).
    env.put("CARELINK_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("CARELINK_STORAGE_DATADIR", dataDir.toAbsolutePath().toString());
    env.put(INTERCEPTORS, "true");
    return env;
  }
}
