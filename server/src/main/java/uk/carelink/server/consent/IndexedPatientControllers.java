package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.model.entity.StorageSettings.TagStorageModeEnum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Who controls Patient records, read from HAPI's tables for many records in one query ({@code
 * HFJ_RESOURCE}, the current version's tags as {@link IndexedFactsReader} reads them, {@code
 * HFJ_TAG_DEF}) rather than by loading and parsing each record: for the Patients the MDM link
 * snapshot does not cover, which a decision may ask about once per request. A record that does not
 * exist or is deleted has no controller, as with {@link PatientControllerReader}; that reader still
 * answers for a record the tables cannot describe exactly (more than one controller label, whose
 * order in {@code meta} decides; more than one row; tags stored inline).
 *
 * <p>Only for reads: a separate statement does not see what HAPI has not yet flushed in a write
 * transaction (a Patient written earlier in the same bundle).
 */
class IndexedPatientControllers {

  /** One primary-key probe per id, whatever the planner knows (see {@link IndexedFactsReader}). */
  private static final String PATIENTS =
      "select r.fhir_id, array(%s) as tags"
          + " from unnest(?::text[]) as ids(id),"
          + " lateral (select * from hfj_resource x"
          + " where x.fhir_id = ids.id and x.res_type = 'Patient' offset 0) r"
          + " where r.res_deleted_at is null";

  private final JdbcTemplate jdbc;
  private final Set<String> controllerSystems;
  private final SecurityLabelDefinitions labels;
  private final PatientControllerReader records;
  private final Optional<String> query;

  IndexedPatientControllers(
      JdbcTemplate jdbc,
      Collection<String> controllerSystems,
      TagStorageModeEnum tagStorage,
      PatientControllerReader records) {
    this.jdbc = jdbc;
    this.controllerSystems = Set.copyOf(controllerSystems);
    this.labels = new SecurityLabelDefinitions(jdbc);
    this.records = records;
    this.query =
        IndexedFactsReader.currentTags(tagStorage).map(tags -> String.format(PATIENTS, tags));
  }

  Optional<DataController> controllerOf(String patientId) {
    return patientId == null ? Optional.empty() : controllersOf(List.of(patientId)).get(patientId);
  }

  /** The controller of each of these Patient records (every id is a key; empty if none). */
  Map<String, Optional<DataController>> controllersOf(Collection<String> patientIds) {
    Set<String> ids = new LinkedHashSet<>(patientIds);
    ids.remove(null);
    Map<String, Optional<DataController>> controllers = new HashMap<>();
    if (ids.isEmpty()) {
      return controllers;
    }
    if (query.isEmpty()) {
      ids.forEach(id -> controllers.put(id, records.controllerOf(id)));
      return controllers;
    }
    Map<String, List<List<Long>>> rows = new HashMap<>();
    jdbc.query(
        query.get(),
        statement ->
            statement.setArray(1, statement.getConnection().createArrayOf("text", ids.toArray())),
        (RowCallbackHandler)
            rs -> {
              List<Long> tagIds = new ArrayList<>();
              for (Object tag : (Object[]) rs.getArray(2).getArray()) {
                tagIds.add(((Number) tag).longValue());
              }
              rows.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(tagIds);
            });
    labels.load(rows.values().stream().flatMap(List::stream).flatMap(List::stream).toList());
    for (String id : ids) {
      List<List<Long>> found = rows.getOrDefault(id, List.of());
      if (found.isEmpty()) {
        controllers.put(id, Optional.empty());
        continue;
      }
      List<DataController> named =
          found.size() == 1
              ? DataController.inLabels(labels.labels(found.get(0)), controllerSystems)
              : null;
      controllers.put(
          id,
          named == null || named.size() > 1
              ? records.controllerOf(id)
              : named.stream().findFirst());
    }
    return controllers;
  }
}
