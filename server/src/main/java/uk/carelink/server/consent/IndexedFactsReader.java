package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.model.entity.EntityIndexStatusEnum;
import ca.uhn.fhir.jpa.model.entity.StorageSettings.TagStorageModeEnum;
import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Describes stored resources for consent decisions from HAPI's own tables, without loading or
 * parsing them: type, id and current version ({@code HFJ_RESOURCE}), the current version's security
 * labels, the controller's among them ({@code HFJ_HISTORY_TAG}, or {@code HFJ_RES_TAG} where tags
 * are not versioned: the tags HAPI itself puts into {@code meta} when it loads the resource), and
 * the Patient it is about ({@code HFJ_RES_LINK}, for the element {@link ResourceFacts} reads).
 * Codes are not read; {@link AccessDecider#decideWithoutCodes} says when a decision needs them.
 *
 * <p>A resource the tables cannot describe exactly as {@link ResourceFacts#of} describes the loaded
 * resource is left out (the caller then loads it): deleted, or its indexing failed; more than one
 * controller label (which one counts depends on their order in {@code meta}); a type whose person
 * {@link ResourceFacts} finds through compartment definitions; or not exactly one Patient link
 * where its type names one (a reference HAPI did not index must never read as "about no one").
 */
class IndexedFactsReader {

  /**
   * A resource described from the tables: its versioned id, as the loaded resource's, and facts.
   */
  record Indexed(String versionedId, ResourceFacts facts) {}

  private static final String RESOURCES =
      "select res_id, res_type, fhir_id, res_ver from hfj_resource"
          + " where res_id = any(?) and res_deleted_at is null"
          + " and sp_index_status is distinct from "
          + EntityIndexStatusEnum.INDEXING_FAILED.ordinal();

  private static final String SECURITY_LABEL =
      " join hfj_tag_def td on td.tag_id = t.tag_id and td.tag_type = "
          + TagTypeEnum.SECURITY_LABEL.ordinal();

  private static final String VERSIONED_LABELS =
      "select v.res_id, td.tag_system, td.tag_code from hfj_resource r"
          + " join hfj_res_ver v on v.res_id = r.res_id and v.res_ver = r.res_ver and v.has_tags"
          + " join hfj_history_tag t on t.res_ver_pid = v.pid"
          + SECURITY_LABEL
          + " where r.res_id = any(?)";

  private static final String UNVERSIONED_LABELS =
      "select r.res_id, td.tag_system, td.tag_code from hfj_resource r"
          + " join hfj_res_tag t on t.res_id = r.res_id"
          + SECURITY_LABEL
          + " where r.res_id = any(?) and r.has_tags";

  private static final String PATIENT_LINKS =
      "select l.src_resource_id, l.src_path, p.fhir_id from hfj_res_link l"
          + " join hfj_resource p on p.res_id = l.target_resource_id and p.res_type = 'Patient'"
          + " where l.src_resource_id = any(?) and l.target_resource_type = 'Patient'";

  private final JdbcTemplate jdbc;
  private final FhirContext context;
  private final Set<String> controllerSystems;
  private final Optional<String> labelsQuery;

  IndexedFactsReader(
      JdbcTemplate jdbc,
      FhirContext context,
      Collection<String> controllerSystems,
      TagStorageModeEnum tagStorage) {
    this.jdbc = jdbc;
    this.context = context;
    this.controllerSystems = Set.copyOf(controllerSystems);
    // INLINE tags live only in the resource text: nothing can be read without loading it.
    this.labelsQuery =
        switch (tagStorage) {
          case VERSIONED -> Optional.of(VERSIONED_LABELS);
          case NON_VERSIONED -> Optional.of(UNVERSIONED_LABELS);
          case INLINE -> Optional.empty();
        };
  }

  /** The resources of these PIDs that the tables describe exactly, by PID. */
  Map<Long, Indexed> read(List<Long> pids) {
    if (pids.isEmpty() || labelsQuery.isEmpty()) {
      return Map.of();
    }
    Map<Long, Row> rows = new HashMap<>();
    query(
        RESOURCES,
        pids,
        rs -> rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getLong(4))));
    if (rows.isEmpty()) {
      return Map.of();
    }
    List<Long> found = List.copyOf(rows.keySet());
    query(
        labelsQuery.get(),
        found,
        rs ->
            rows.get(rs.getLong(1))
                .labels
                .add(new Coding().setSystem(rs.getString(2)).setCode(rs.getString(3))));
    query(
        PATIENT_LINKS,
        found,
        rs ->
            rows.get(rs.getLong(1))
                .patientLinks
                .add(new PatientLink(rs.getString(2), rs.getString(3))));
    Map<Long, Indexed> indexed = new HashMap<>();
    rows.forEach((pid, row) -> describe(row).ifPresent(facts -> indexed.put(pid, facts)));
    return indexed;
  }

  private Optional<Indexed> describe(Row row) {
    List<DataController> controllers = new ArrayList<>();
    for (Coding label : row.labels) {
      if (label.hasSystem() && label.hasCode() && controllerSystems.contains(label.getSystem())) {
        controllers.add(new DataController(label.getSystem(), label.getCode()));
      }
    }
    Optional<Set<String>> patients = patients(row);
    if (controllers.size() > 1 || patients.isEmpty()) {
      return Optional.empty();
    }
    ResourceFacts facts =
        new ResourceFacts(
            row.type,
            row.id,
            controllers.stream().findFirst(),
            patients.get(),
            List.of(),
            List.copyOf(row.labels));
    return Optional.of(new Indexed(row.type + "/" + row.id + "/_history/" + row.version, facts));
  }

  /** Whom the resource is about, as {@link ResourceFacts} would find it; empty if unsure. */
  private Optional<Set<String>> patients(Row row) {
    if ("Patient".equals(row.type)) {
      return Optional.of(Set.of(row.id));
    }
    String element = ResourceFacts.PATIENT_ELEMENT.get(row.type);
    if (element != null) {
      String path = row.type + "." + element;
      Set<String> ids = new LinkedHashSet<>();
      int links = 0;
      for (PatientLink link : row.patientLinks) {
        if (path.equals(link.path())) {
          links++;
          ids.add(link.patientId());
        }
      }
      return links == 1 ? Optional.of(ids) : Optional.empty();
    }
    return ResourceFacts.aboutNoOne(context, row.type) ? Optional.of(Set.of()) : Optional.empty();
  }

  private void query(String sql, List<Long> pids, RowCallbackHandler handler) {
    jdbc.query(
        sql,
        statement ->
            statement.setArray(
                1, statement.getConnection().createArrayOf("bigint", pids.toArray())),
        handler);
  }

  /** A reference HAPI indexed from the resource to a Patient: its path and the Patient's id. */
  private record PatientLink(String path, String patientId) {}

  /** One resource as read so far. */
  private static final class Row {
    final String type;
    final String id;
    final long version;
    final List<Coding> labels = new ArrayList<>();
    final List<PatientLink> patientLinks = new ArrayList<>();

    Row(String type, String id, long version) {
      this.type = type;
      this.id = id;
      this.version = version;
    }
  }
}
