package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.interceptor.JpaPreResourceAccessDetails;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database ids (HAPI's PIDs) of the results HAPI hands to {@code STORAGE_PREACCESS_RESOURCES}
 * from its search task and include loader. HAPI 8.8's {@link JpaPreResourceAccessDetails} keeps
 * them in a private field and offers only the resources, loading and parsing all of them at the
 * first {@code getResource}; reading the field lets consent be decided from the indexes instead
 * (ADR 15). The field is looked up when the server starts, so a HAPI version that changes it stops
 * the server at once rather than quietly losing the check.
 */
final class SearchResultPids {

  private static final String FIELD = "myResourcePids";

  private final Field pids;

  SearchResultPids() {
    try {
      pids = JpaPreResourceAccessDetails.class.getDeclaredField(FIELD);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "HAPI's JpaPreResourceAccessDetails has no field "
              + FIELD
              + ": consent's search result screening needs this HAPI version's (8.8) layout",
          e);
    }
    if (!List.class.isAssignableFrom(pids.getType())) {
      throw new IllegalStateException(
          "HAPI's JpaPreResourceAccessDetails." + FIELD + " is no longer a List of PIDs");
    }
    pids.setAccessible(true);
  }

  /**
   * The PIDs, index for index with the details' resources; empty for details that hold resources
   * already loaded (reads, history), or for anything but plain, known PIDs.
   */
  Optional<List<Long>> of(IPreResourceAccessDetails details) {
    if (!(details instanceof JpaPreResourceAccessDetails)) {
      return Optional.empty();
    }
    List<?> values;
    try {
      values = (List<?>) pids.get(details);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read HAPI's search result PIDs", e);
    }
    if (values == null || values.size() != details.size()) {
      return Optional.empty();
    }
    List<Long> ids = new ArrayList<>(values.size());
    for (Object value : values) {
      if (!(value instanceof JpaPid pid) || pid.getId() == null) {
        return Optional.empty();
      }
      ids.add(pid.getId());
    }
    return Optional.of(ids);
  }
}
