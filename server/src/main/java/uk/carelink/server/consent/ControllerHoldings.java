package uk.carelink.server.consent;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which controllers hold data of each resource type, and which types hold data with no controller
 * (HAPI's golden records): a row per pair in {@code carelink_controller_holding}, committed before
 * the first such resource is, so every node sharing the database sees it from its next request.
 * {@link ControllerNarrowing} leaves out a narrowing that could exclude nothing (every holder of
 * the type is among the controllers it would allow): HAPI's tag join costs more than the rest of
 * such a search. Rows are never removed, so the holdings are a superset (deleted data leaves its
 * row): the narrowing is then applied although it excludes nothing. A label HAPI stores without a
 * write (the {@code $meta-add} operation) is not recorded; the results are still decided one by
 * one, so that can only cost a short first page, never a disclosure.
 */
class ControllerHoldings implements AutoCloseable {

  /** A controller's (or with empty system and value, no controller's) data of a type. */
  record Holding(String type, String system, String value) {
    static Holding of(String type, Optional<DataController> controller) {
      return controller
          .map(c -> new Holding(type, c.system(), c.value()))
          .orElse(new Holding(type, "", ""));
    }

    boolean uncontrolled() {
      return system.isEmpty();
    }
  }

  /** One snapshot of the holdings. */
  record Snapshot(Map<String, Set<Holding>> byType) {
    static final Snapshot NONE = new Snapshot(Map.of());

    /** Whether every resource of this type is controlled by one of these controllers. */
    boolean onlyHeldBy(String type, Set<DataController> controllers) {
      return byType.getOrDefault(type, Set.of()).stream()
          .allMatch(
              h ->
                  !h.uncontrolled() && controllers.contains(new DataController(h.system, h.value)));
    }
  }

  private static final String TABLE = "carelink_controller_holding";

  /** Changes whenever a row is added (rows are never removed). */
  static final String FINGERPRINT = "select count(*) from " + TABLE;

  private static final String CREATE =
      "create table if not exists "
          + TABLE
          + " (res_type varchar(40) not null, controller_system varchar(200) not null,"
          + " controller_value varchar(200) not null,"
          + " primary key (res_type, controller_system, controller_value))";

  private static final String INSERT =
      "insert into " + TABLE + " values (?, ?, ?) on conflict do nothing";

  /** What HAPI's tables held before this table existed: the labels as HFJ_RES_TAG has them. */
  private static final String BACKFILL =
      "insert into "
          + TABLE
          + " select distinct t.res_type, d.tag_system, d.tag_code from hfj_res_tag t"
          + " join hfj_tag_def d on d.tag_id = t.tag_id"
          + " where d.tag_type = 2 and d.tag_system = any(?)"
          + " union select distinct r.res_type, '', '' from hfj_resource r where not exists ("
          + "select 1 from hfj_res_tag t join hfj_tag_def d on d.tag_id = t.tag_id"
          + " where t.res_id = r.res_id and d.tag_type = 2 and d.tag_system = any(?))"
          + " on conflict do nothing";

  private final JdbcTemplate jdbc;

  /** Where new holdings are recorded: not the pool writes hold their connections from. */
  private final DataSource ownConnections;

  private final Set<String> controllerSystems;

  /** Holdings known to be committed: loaded, or recorded by this node. */
  private final Set<Holding> known = ConcurrentHashMap.newKeySet();

  ControllerHoldings(
      JdbcTemplate jdbc, DataSource ownConnections, Collection<String> controllerSystems) {
    this.jdbc = jdbc;
    this.ownConnections = ownConnections;
    this.controllerSystems = Set.copyOf(controllerSystems);
  }

  /** Creates the table if missing; true when it holds nothing yet (then {@link #backfill}). */
  boolean createTable() {
    jdbc.execute(CREATE);
    Long rows = jdbc.queryForObject(FINGERPRINT, Long.class);
    return rows != null && rows == 0;
  }

  /** Fills the table from HAPI's tables (first start on an existing database). */
  void backfill() {
    String[] systems = controllerSystems.toArray(String[]::new);
    jdbc.update(
        BACKFILL,
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("text", systems));
          statement.setArray(2, statement.getConnection().createArrayOf("text", systems));
        });
  }

  /**
   * Records that this type has data of this controller, before the write that has it commits. The
   * row is committed at once on a connection of its own ({@link HoldingsConnectionPool}): it may
   * then stay for a write that rolls back (a superset, as above), but it never holds a lock until a
   * write commits, so two writes recording the same holdings in another order cannot deadlock.
   */
  void record(String type, Optional<DataController> controller) {
    Holding holding = Holding.of(type, controller);
    if (known.contains(holding)) {
      return;
    }
    try (Connection connection = ownConnections.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      connection.setAutoCommit(true);
      insert.setString(1, holding.type());
      insert.setString(2, holding.system());
      insert.setString(3, holding.value());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the holding " + holding, e);
    }
    known.add(holding);
  }

  /** Closes the pool of its own, if it has one ({@link HoldingsConnectionPool}). */
  @Override
  public void close() {
    if (ownConnections instanceof HikariDataSource pool
        && HoldingsConnectionPool.POOL_NAME.equals(pool.getPoolName())) {
      pool.close();
    }
  }

  Snapshot load() {
    Map<String, Set<Holding>> byType = new HashMap<>();
    jdbc.query(
        "select res_type, controller_system, controller_value from " + TABLE,
        row -> {
          Holding holding = new Holding(row.getString(1), row.getString(2), row.getString(3));
          byType.computeIfAbsent(holding.type(), t -> new HashSet<>()).add(holding);
          known.add(holding);
        });
    Map<String, Set<Holding>> frozen = new HashMap<>();
    byType.forEach((type, holdings) -> frozen.put(type, Set.copyOf(holdings)));
    return new Snapshot(Map.copyOf(frozen));
  }
}
