package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.model.entity.TagTypeEnum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * HAPI's tag definitions ({@code HFJ_TAG_DEF}) by id, the security labels among them. HAPI never
 * changes a definition (another system, code or type is another row with a new id), so each is read
 * from the database once.
 */
class SecurityLabelDefinitions {

  private static final String DEFINITIONS =
      "select tag_id, tag_type, tag_system, tag_code from hfj_tag_def where tag_id = any(?)";

  /** A security label's system and code; absent for tags and profiles. */
  private record Label(String system, String code) {}

  private final JdbcTemplate jdbc;
  private final ConcurrentMap<Long, Optional<Label>> byId = new ConcurrentHashMap<>();

  SecurityLabelDefinitions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Reads the definitions of these tags that have not been read yet. */
  void load(Collection<Long> tagIds) {
    List<Long> unknown = tagIds.stream().filter(id -> !byId.containsKey(id)).distinct().toList();
    if (unknown.isEmpty()) {
      return;
    }
    jdbc.query(
        DEFINITIONS,
        statement ->
            statement.setArray(
                1, statement.getConnection().createArrayOf("bigint", unknown.toArray())),
        (RowCallbackHandler)
            row -> {
              boolean label = row.getInt(2) == TagTypeEnum.SECURITY_LABEL.ordinal();
              byId.put(
                  row.getLong(1),
                  label
                      ? Optional.of(new Label(row.getString(3), row.getString(4)))
                      : Optional.empty());
            });
  }

  /**
   * The security labels among these tag definitions, in their order (tags and profiles skipped);
   * {@link #load} them first.
   */
  List<Coding> labels(Collection<Long> tagIds) {
    List<Coding> labels = new ArrayList<>();
    for (Long id : tagIds) {
      Optional<Label> label = byId.get(id);
      if (label == null) {
        throw new IllegalStateException("tag definition " + id + " was not loaded");
      }
      label.ifPresent(l -> labels.add(new Coding().setSystem(l.system()).setCode(l.code())));
    }
    return labels;
  }
}
