package uk.carelink.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A database created for one test run on the machine's PostgreSQL and dropped when the JVM exits.
 * The server is given the URL as {@code spring.datasource.url}, exactly as in production.
 */
public final class ThrowawayPostgres {

  /** Admin connection; override with CARELINK_TEST_PG_ADMIN_URL for another server. */
  private static final String ADMIN_URL =
      System.getenv()
          .getOrDefault("CARELINK_TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

  private static final String USER =
      System.getenv().getOrDefault("CARELINK_TEST_PG_USER", "postgres");

  private static final String PASSWORD =
      System.getenv().getOrDefault("CARELINK_TEST_PG_PASSWORD", "");

  /** How long a drop waits for the server to close its connections before forcing them. */
  private static final Duration LET_GO_WAIT = Duration.ofSeconds(20);

  private final String name;

  private ThrowawayPostgres(String name) {
    this.name = name;
  }

  public static ThrowawayPostgres create(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ThrowawayPostgres database = new ThrowawayPostgres(name);
    database.execute("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
    return database;
  }

  public String jdbcUrl() {
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /**
   * Drops the database once nothing uses it any more. The JVM runs this hook at the same time as
   * Spring's own shutdown hook, so the server may still be closing (scheduled jobs finishing, the
   * pool closing): a forced drop would cut its connections under it, and a job then waits for a
   * connection until the JVM is killed. So the plain drop is retried until the server has let go,
   * and forced only after {@link #LET_GO_WAIT}.
   */
  public void drop() {
    long deadline = System.nanoTime() + LET_GO_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        execute("DROP DATABASE IF EXISTS " + name);
        return;
      } catch (IllegalStateException stillInUse) {
        sleepBriefly();
      }
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + ADMIN_URL + " is needed for the tests: " + e.getMessage(), e);
    }
  }
}
