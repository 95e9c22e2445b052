package uk.carelink.server.consent;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads MDM's MATCH links with the linked Patients' controller labels in one query. It reads HAPI's
 * tables directly (MPI_LINK, HFJ_RESOURCE, HFJ_RES_TAG, HFJ_TAG_DEF): the MDM services answer one
 * Patient at a time, and a consent decision over a search page needs them all at once.
 */
class LinkedRecordsLoader {

  /** HAPI's {@code MdmMatchResultEnum.MATCH} and {@code TagTypeEnum.SECURITY_LABEL} ordinals. */
  private static final String LINKS =
      "select t.fhir_id, l.golden_resource_pid, td.tag_system, td.tag_code"
          + " from mpi_link l"
          + " join hfj_resource t on t.res_id = l.target_pid and t.res_type = 'Patient'"
          + " left join hfj_res_tag rt on rt.res_id = t.res_id"
          + " left join hfj_tag_def td on td.tag_id = rt.tag_id and td.tag_type = 2"
          + " where l.match_result = 2";

  /** Changes whenever a link is made, changed or removed (checked on every request). */
  static final String FINGERPRINT =
      "select count(*) || ':' || coalesce(max(updated)::text, '-') from mpi_link";

  private final JdbcTemplate jdbc;
  private final Set<String> controllerSystems;

  LinkedRecordsLoader(JdbcTemplate jdbc, Set<String> controllerSystems) {
    this.jdbc = jdbc;
    this.controllerSystems = controllerSystems;
  }

  LinkedRecords load() {
    Map<Long, Set<String>> members = new HashMap<>();
    Map<String, Long> goldenOf = new HashMap<>();
    Map<String, DataController> controllers = new HashMap<>();
    jdbc.query(
        LINKS,
        row -> {
          String patient = row.getString(1);
          long golden = row.getLong(2);
          goldenOf.put(patient, golden);
          members.computeIfAbsent(golden, g -> new LinkedHashSet<>()).add(patient);
          String system = row.getString(3);
          if (system != null && controllerSystems.contains(system)) {
            controllers.put(patient, new DataController(system, row.getString(4)));
          }
        });
    Map<String, Set<String>> groups = new HashMap<>();
    goldenOf.forEach((patient, golden) -> groups.put(patient, Set.copyOf(members.get(golden))));
    return new LinkedRecords(Map.copyOf(groups), Map.copyOf(controllers));
  }
}
