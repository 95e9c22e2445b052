package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.model.entity.EntityIndexStatusEnum;
import ca.uhn.fhir.jpa.model.entity.StorageSettings.TagStorageModeEnum;
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

  /**
   * One round trip, driven by the PIDs through HAPI's indexes whatever the planner knows of the
   * tables (OFFSET 0 keeps each lookup a primary-key probe): the resource, the tag ids of its
   * current version (the tag query for the storage mode goes in at {@code %s}), and its references
   * to Patients with their ids.
   */
  private static final String RESOURCES =
      "select r.res_id, r.res_type, r.fhir_id, r.res_ver, array(%s) as tags,"
          + " array(select array[l.src_path, p.fhir_id] from hfj_res_link l"
          + " join hfj_resource p on p.res_id = l.target_resource_id"
          + " where l.src_resource_id = r.res_id and l.target_resource_type = 'Patient') as patients"
          + " from unnest(?::bigint[]) as pids(pid),"
          + " lateral (select * from hfj_resource x where x.res_id = pids.pid offset 0) r"
          + " where r.res_deleted_at is null and r.sp_index_status is distinct from "
          + EntityIndexStatusEnum.INDEXING_FAILED.ordinal();

  /** Tags of the current version, where tags are versioned (HAPI's default). */
  private static final String VERSIONED_TAGS =
      "select t.tag_id from hfj_res_ver v join hfj_history_tag t on t.res_ver_pid = v.pid"
          + " where v.res_id = r.res_id and v.res_ver = r.res_ver and v.has_tags";

  /** Tags of the resource, where they are not versioned. */
  private static final String UNVERSIONED_TAGS =
      "select t.tag_id from hfj_res_tag t where t.res_id = r.res_id and r.has_tags";

  private final JdbcTemplate jdbc;
  private final FhirContext context;
  private final Set<String> controllerSystems;
  private final SecurityLabelDefinitions labels;
  private final Optional<String> query;

  IndexedFactsReader(
      JdbcTemplate jdbc,
      FhirContext context,
      Collection<String> controllerSystems,
      TagStorageModeEnum tagStorage) {
    this.jdbc = jdbc;
    this.context = context;
    this.controllerSystems = Set.copyOf(controllerSystems);
    this.labels = new SecurityLabelDefinitions(jdbc);
    this.query = currentTags(tagStorage).map(tags -> String.format(RESOURCES, tags));
  }

  /**
   * The tag ids of the current version of the {@code HFJ_RESOURCE} row aliased {@code r}, as a
   * subquery for this storage mode; empty for INLINE tags, which live only in the resource text
   * (nothing can be read without loading it).
   */
  static Optional<String> currentTags(TagStorageModeEnum tagStorage) {
    return switch (tagStorage) {
      case VERSIONED -> Optional.of(VERSIONED_TAGS);
      case NON_VERSIONED -> Optional.of(UNVERSIONED_TAGS);
      case INLINE -> Optional.empty();
    };
  }

  /** The resources of these PIDs that the tables describe exactly, by PID. */
  Map<Long, Indexed> read(List<Long> pids) {
    if (pids.isEmpty() || query.isEmpty()) {
      return Map.of();
    }
    Map<Long, Row> rows = new HashMap<>();
    jdbc.query(
        query.get(),
        statement ->
            statement.setArray(
                1, statement.getConnection().createArrayOf("bigint", pids.toArray())),
        (RowCallbackHandler)
            rs -> {
              Row row = new Row(rs.getString(2), rs.getString(3), rs.getLong(4));
              for (Object tag : (Object[]) rs.getArray(5).getArray()) {
                row.tagIds.add(((Number) tag).longValue());
              }
              for (Object link : (Object[]) rs.getArray(6).getArray()) {
                Object[] pair = (Object[]) link;
                row.patientLinks.add(new PatientLink((String) pair[0], (String) pair[1]));
              }
              rows.put(rs.getLong(1), row);
            });
    labels.load(rows.values().stream().flatMap(row -> row.tagIds.stream()).toList());
    Map<Long, Indexed> indexed = new HashMap<>();
    rows.forEach((pid, row) -> describe(row).ifPresent(facts -> indexed.put(pid, facts)));
    return indexed;
  }

  private Optional<Indexed> describe(Row row) {
    List<Coding> securityLabels = labels.labels(row.tagIds);
    List<DataController> controllers = DataController.inLabels(securityLabels, controllerSystems);
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
            securityLabels);
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

  /** A reference HAPI indexed from the resource to a Patient: its path and the Patient's id. */
  private record PatientLink(String path, String patientId) {}

  /** One resource as read so far. */
  private static final class Row {
    final String type;
    final String id;
    final long version;
    final List<Long> tagIds = new ArrayList<>();
    final List<PatientLink> patientLinks = new ArrayList<>();

    Row(String type, String id, long version) {
      this.type = type;
      this.id = id;
      this.version = version;
    }
  }
}
