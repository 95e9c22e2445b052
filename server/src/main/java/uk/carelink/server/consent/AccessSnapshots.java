package uk.carelink.server.consent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * The Consents and links decisions are made with, and the controllers' holdings narrowing is sized
 * with, always current: each request first asks the database whether any Consent, Organization, MDM
 * link or holding changed (one small query) and reloads what did. So a withdrawal takes effect on
 * the very next request, on every server node sharing the database, with no cache to invalidate.
 */
public class AccessSnapshots {

  /** The Consents and links one request decides with. */
  public record Snapshot(
      ConsentIndex consents, LinkedRecords links, ControllerHoldings.Snapshot holdings) {}

  private static final String FINGERPRINTS =
      "select ("
          + ConsentIndexLoader.FINGERPRINT
          + ") as consents, ("
          + LinkedRecordsLoader.FINGERPRINT
          + ") as links, ("
          + ControllerHoldings.FINGERPRINT
          + ") as holdings";

  private final JdbcTemplate jdbc;
  private final ConsentIndexLoader consentLoader;
  private final LinkedRecordsLoader linkLoader;
  private final ControllerHoldings holdings;

  private volatile String consentsPrint = "";
  private volatile String linksPrint = "";
  private volatile long holdingsPrint = -1;
  private volatile Snapshot current =
      new Snapshot(ConsentIndex.EMPTY, LinkedRecords.NONE, ControllerHoldings.Snapshot.NONE);

  AccessSnapshots(
      JdbcTemplate jdbc,
      ConsentIndexLoader consentLoader,
      LinkedRecordsLoader linkLoader,
      ControllerHoldings holdings) {
    this.jdbc = jdbc;
    this.consentLoader = consentLoader;
    this.linkLoader = linkLoader;
    this.holdings = holdings;
  }

  /** The current snapshot, reloaded first if the database has changed since the last one. */
  public Snapshot current() {
    // A prepared statement, so the driver soon keeps it prepared on each pooled connection and
    // PostgreSQL plans it once: as a plain statement it was parsed and planned on every request,
    // 0.7 ms of the 0.8 ms it took (statement log of a sandbox server, bench/README.md).
    Object[] prints =
        jdbc.query(
            FINGERPRINTS,
            (PreparedStatementSetter) null,
            rs ->
                rs.next() ? new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)} : null);
    String consents = (String) prints[0];
    String links = (String) prints[1];
    long held = (Long) prints[2];
    if (consents.equals(consentsPrint) && links.equals(linksPrint) && held == holdingsPrint) {
      return current;
    }
    return reload(consents, links, held);
  }

  private synchronized Snapshot reload(String consents, String links, long held) {
    Snapshot snapshot = current;
    ConsentIndex index =
        consents.equals(consentsPrint) ? snapshot.consents() : consentLoader.load();
    LinkedRecords linked = links.equals(linksPrint) ? snapshot.links() : linkLoader.load();
    ControllerHoldings.Snapshot holding =
        held == holdingsPrint ? snapshot.holdings() : holdings.load();
    current = new Snapshot(index, linked, holding);
    consentsPrint = consents;
    linksPrint = links;
    holdingsPrint = held;
    return current;
  }
}
