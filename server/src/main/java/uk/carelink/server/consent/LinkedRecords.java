package uk.carelink.server.consent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Patient records MDM has linked to one person, and who controls each: a snapshot of HAPI's MDM
 * links (MATCH only: a POSSIBLE_MATCH waiting for review joins nothing).
 *
 * @param groupOf Patient id → ids of every Patient linked to the same golden record (itself
 *     included); a Patient that is not linked is absent
 * @param controllerOf Patient id → its controller, for the linked Patients
 */
public record LinkedRecords(
    Map<String, Set<String>> groupOf, Map<String, DataController> controllerOf)
    implements PatientDirectory {

  public static final LinkedRecords NONE = new LinkedRecords(Map.of(), Map.of());

  @Override
  public Set<String> group(String patientId) {
    return groupOf.getOrDefault(patientId, Set.of(patientId));
  }

  @Override
  public Optional<DataController> controller(String patientId) {
    return Optional.ofNullable(controllerOf.get(patientId));
  }
}
