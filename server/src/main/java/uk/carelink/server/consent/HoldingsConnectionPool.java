package uk.carelink.server.consent;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections {@link ControllerHoldings} records new holdings on: a small pool of its own, to
 * the same database as the server's pool. A write records its holding before it commits, while it
 * holds a connection of the server's pool; if the holding took a second connection from that same
 * pool, as many concurrent writes of new holdings as the pool has connections would each hold one
 * and wait for another until the pool's timeout, and all fail.
 */
final class HoldingsConnectionPool {

  private static final Logger LOG = LoggerFactory.getLogger(HoldingsConnectionPool.class);

  static final String POOL_NAME = "carelink-holdings";

  private HoldingsConnectionPool() {}

  /**
   * A pool of at most {@code size} connections configured as the server's Hikari pool is (URL,
   * credentials, timeouts), or the server's pool itself if it is not a Hikari pool (logged).
   */
  static DataSource beside(DataSource serverPool, int size) {
    if (!(serverPool instanceof HikariDataSource hikari)) {
      LOG.warn(
          "The data source is a {}, not a Hikari pool: controller holdings are recorded on its"
              + " connections, so a burst of writes of new holdings may wait for the pool",
          serverPool.getClass().getName());
      return serverPool;
    }
    HikariConfig config = new HikariConfig();
    hikari.copyStateTo(config);
    config.setPoolName(POOL_NAME);
    config.setMaximumPoolSize(size);
    // Connections are needed only when a controller first writes a type: none kept idle.
    config.setMinimumIdle(0);
    // Metrics, if the server's pool has them, are reported under this pool's own name.
    return new HikariDataSource(config);
  }
}
