package uk.carelink.server.consent;

import java.util.List;
import java.util.Map;

/**
 * Every active Consent, parsed and indexed the way decisions look them up: residents' decisions by
 * Patient id, agreements by the controller whose data they share.
 */
public record ConsentIndex(
    Map<String, List<ConsentRule>> byPatient,
    Map<DataController, List<ConsentRule>> agreementsByGrantor) {

  public static final ConsentIndex EMPTY = new ConsentIndex(Map.of(), Map.of());

  public List<ConsentRule> forPatient(String patientId) {
    return byPatient.getOrDefault(patientId, List.of());
  }

  public List<ConsentRule> agreementsOf(DataController grantor) {
    return agreementsByGrantor.getOrDefault(grantor, List.of());
  }
}
