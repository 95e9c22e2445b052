package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import uk.carelink.server.support.FhirApiTest;

/**
 * A controller's first write of a type is recorded on connections of a pool of its own, so it goes
 * through even when every connection of the server's pool is held by the writes themselves.
 */
class HoldingsConnectionPoolTest extends FhirApiTest {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";

  @Autowired DataSource serverPool;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aHoldingIsRecordedWhileEveryConnectionOfTheWritesPoolIsTaken() throws Exception {
    // A pool like the server's, with one connection and a short wait for it.
    HikariConfig config = new HikariConfig();
    ((HikariDataSource) serverPool).copyStateTo(config);
    config.setPoolName("holdings-test-writes");
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(250);
    String home = "1-" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);

    try (HikariDataSource writes = new HikariDataSource(config);
        ControllerHoldings holdings =
            new ControllerHoldings(
                new JdbcTemplate(writes), HoldingsConnectionPool.beside(writes, 1), List.of(CQC));
        Connection heldByTheWrite = writes.getConnection()) {
      holdings.record("ImagingStudy", Optional.of(new DataController(CQC, home)));
    }

    assertThat(
            jdbc.queryForObject(
                "select count(*) from carelink_controller_holding where res_type = 'ImagingStudy'"
                    + " and controller_system = ? and controller_value = ?",
                Long.class,
                CQC,
                home))
        .isEqualTo(1);
  }

  @Test
  void theOwnPoolIsClosedWithTheHoldingsAndTheServersPoolIsNot() {
    DataSource own = HoldingsConnectionPool.beside(serverPool, 1);
    assertThat(own).isNotSameAs(serverPool);
    assertThat(((HikariDataSource) own).getMaximumPoolSize()).isEqualTo(1);

    new ControllerHoldings(jdbc, own, List.of(CQC)).close();
    assertThat(((HikariDataSource) own).isClosed()).isTrue();

    new ControllerHoldings(jdbc, serverPool, List.of(CQC)).close();
    assertThat(((HikariDataSource) serverPool).isClosed()).isFalse();
  }

  @Test
  void aDataSourceThatIsNotAHikariPoolIsUsedAsItIs() {
    DataSource other = new SimpleDriverDataSource();
    assertThat(HoldingsConnectionPool.beside(other, 2)).isSameAs(other);
  }
}
