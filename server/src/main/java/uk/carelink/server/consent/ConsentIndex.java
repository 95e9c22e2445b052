package uk.carelink.server.consent;

import java.util.List;
import java.util.Map;

/**
 * Every active Consent, parsed and indexed the way decisions look them up: residents' decisions by
 * Patient id, agreements by the controller whose data they share.
 */
public record ConsentIndex(
    Map<String, List<ConsentRule>> byPatient,
    Map<DataController, List<ConsentRule>> agreementsByGrantor,
    java.util.concurrent.ConcurrentMap<String, Boolean> residentPermits) {

  public ConsentIndex(
      Map<String, List<ConsentRule>> byPatient,
      Map<DataController, List<ConsentRule>> agreementsByGrantor) {
    this(byPatient, agreementsByGrantor, new java.util.concurrent.ConcurrentHashMap<>());
  }

  public static final ConsentIndex EMPTY = new ConsentIndex(Map.of(), Map.of());

  public List<ConsentRule> forPatient(String patientId) {
    return byPatient.getOrDefault(patientId, List.of());
  }

  public List<ConsentRule> agreementsOf(DataController grantor) {
    return agreementsByGrantor.getOrDefault(grantor, List.of());
  }

  /**
   * Whether any resident-level Consent could permit this party, purpose and class (periods ignored:
   * errs on the side of yes). Used to decide whether a search may be narrowed.
   */
  public boolean residentMayPermit(DataController party, String purpose, String resourceType) {
    return residentPermits.computeIfAbsent(
        party + "|" + purpose + "|" + resourceType,
        key -> {
          AccessQuestion question =
              new AccessQuestion(
                  party,
                  "",
                  purpose,
                  resourceType,
                  List.of(),
                  List.of(),
                  null,
                  java.util.Set.of(),
                  null);
          return byPatient.values().stream()
              .flatMap(List::stream)
              .anyMatch(rule -> rule.provision().mayPermitAnyTime(question));
        });
  }
}
