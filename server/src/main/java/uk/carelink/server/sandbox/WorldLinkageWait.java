package uk.carelink.server.sandbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Waits, after a first load, until MDM has linked every Patient the world wrote: readiness then
 * means the linked views and consent's care relationships are in place, not merely stored. Linking
 * is asynchronous (docs/linkage.md); without MDM there is nothing to wait for.
 */
@Component
class WorldLinkageWait {

  private static final Logger LOG = LoggerFactory.getLogger(WorldLinkageWait.class);

  /** Source Patients MDM has linked (MATCH or POSSIBLE_MATCH) to a golden record. */
  private static final String LINKED_PATIENTS =
      "select count(distinct l.target_pid) from mpi_link l"
          + " join hfj_resource r on r.res_id = l.target_pid where r.res_type = 'Patient'";

  private final JdbcTemplate jdbc;
  private final boolean linkageEnabled;

  WorldLinkageWait(JdbcTemplate jdbc, Environment environment) {
    this.jdbc = jdbc;
    this.linkageEnabled =
        environment.getProperty("carelink.linkage.enabled", Boolean.class, Boolean.TRUE);
  }

  void await(long patients, Duration timeout) throws InterruptedException {
    if (!linkageEnabled || timeout.isZero() || patients == 0) {
      return;
    }
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long linked = 0;
    while (System.nanoTime() < deadline) {
      Long count = jdbc.queryForObject(LINKED_PATIENTS, Long.class);
      linked = count == null ? 0 : count;
      if (linked >= patients) {
        LOG.info(
            "Sandbox world linked: {} Patients in {} s",
            linked,
            String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return;
      }
      Thread.sleep(250);
    }
    LOG.warn(
        "Sandbox world: MDM has linked {} of {} Patients after {}; going on (linking continues)",
        linked,
        patients,
        timeout);
  }
}
