package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import uk.carelink.server.consent.AccessDecision.Rule;

/**
 * A search result described from HAPI's indexes carries no codes: it is decided exactly as the
 * loaded resource would be, unless a Consent the decision consults names codes; then there is no
 * decision, and the resource is loaded (SearchResultScreening).
 */
class DecisionWithoutCodesTest {

  private static final DataController HOME = new DataController("cqc", "home");
  private static final DataController GP = new DataController("ods", "gp");
  private static final DataController ANALYST = new DataController("ods", "analyst");
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final String WEIGHT = "http://loinc.org|29463-7";

  private final AccessDecider decider =
      new AccessDecider(
          new ConsentProperties(
              true,
              Set.of("cqc", "ods"),
              Set.of("admin"),
              Set.of("AuditEvent"),
              Set.of("TREAT"),
              0.5,
              2));

  /** The home's agreement: its residents' observations to the analyst for operations. */
  private final ConsentRule agreement =
      new ConsentRule(
          "Consent/dsa",
          null,
          Set.of(HOME),
          provision(Vote.PERMIT, Set.of(ANALYST), Set.of("HOPERAT"), Set.of()));

  @Test
  void withoutProvisionsThatNameCodesTheDecisionIsTheLoadedResourcesDecision() {
    ConsentRule optOut =
        new ConsentRule(
            "Consent/opt-out",
            "r2",
            Set.of(),
            provision(Vote.DENY, Set.of(), Set.of("HOPERAT"), Set.of()));
    ConsentIndex consents = index(List.of(optOut), List.of(agreement));
    for (String patient : List.of("r1", "r2")) {
      AccessQuestion withCodes = analystAsks(patient, List.of(weight()));
      AccessQuestion withoutCodes = analystAsks(patient, List.of());
      assertThat(decider.decideWithoutCodes(withoutCodes, consents, LinkedRecords.NONE))
          .contains(decider.decide(withCodes, consents, LinkedRecords.NONE));
    }
    assertThat(
            decider
                .decideWithoutCodes(analystAsks("r2", List.of()), consents, LinkedRecords.NONE)
                .map(AccessDecision::rule))
        .contains(Rule.RESIDENT_DENY);
  }

  @Test
  void aResidentsProvisionThatNamesCodesLeavesTheDecisionToTheLoadedResource() {
    // Deny the analyst the resident's weights only, in a nested provision.
    Provision weightsOnly =
        new Provision(
            Vote.PERMIT,
            null,
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            List.of(provision(Vote.DENY, Set.of(ANALYST), Set.of(), Set.of(WEIGHT))));
    ConsentIndex consents =
        index(
            List.of(new ConsentRule("Consent/no-weights", "r1", Set.of(), weightsOnly)),
            List.of(agreement));

    assertThat(weightsOnly.readsCodes()).isTrue();
    assertThat(
            decider.decideWithoutCodes(analystAsks("r1", List.of()), consents, LinkedRecords.NONE))
        .isEmpty();
    assertThat(
            decider
                .decide(analystAsks("r1", List.of(weight())), consents, LinkedRecords.NONE)
                .rule())
        .isEqualTo(Rule.RESIDENT_DENY);
    // Another resident's data consults no such provision.
    assertThat(
            decider.decideWithoutCodes(analystAsks("r9", List.of()), consents, LinkedRecords.NONE))
        .map(AccessDecision::rule)
        .contains(Rule.AGREEMENT_PERMIT);
  }

  @Test
  void anAgreementThatNamesCodesLeavesTheDecisionToTheLoadedResource() {
    ConsentRule weightsAgreement =
        new ConsentRule(
            "Consent/dsa-weights",
            null,
            Set.of(HOME),
            provision(Vote.PERMIT, Set.of(ANALYST), Set.of("HOPERAT"), Set.of(WEIGHT)));
    ConsentIndex consents = index(List.of(), List.of(weightsAgreement));

    assertThat(
            decider.decideWithoutCodes(analystAsks("r1", List.of()), consents, LinkedRecords.NONE))
        .isEmpty();
    assertThat(
            decider
                .decide(analystAsks("r1", List.of(weight())), consents, LinkedRecords.NONE)
                .rule())
        .isEqualTo(Rule.AGREEMENT_PERMIT);
  }

  @Test
  void rulesDecidedBeforeAnyConsentNeedNoCodes() {
    ConsentRule weightsAgreement =
        new ConsentRule(
            "Consent/dsa-weights",
            null,
            Set.of(HOME),
            provision(Vote.PERMIT, Set.of(GP), Set.of("TREAT"), Set.of(WEIGHT)));
    ConsentIndex consents = index(List.of(), List.of(weightsAgreement));
    AccessQuestion ownData =
        new AccessQuestion(
            HOME,
            "carehome",
            "TREAT",
            "Observation",
            List.of(),
            List.of(),
            HOME,
            Set.of("r1"),
            NOW);
    AccessQuestion aboutNoOne =
        new AccessQuestion(
            GP, "gp", "TREAT", "Organization", List.of(), List.of(), HOME, Set.of(), NOW);
    AccessQuestion noController =
        new AccessQuestion(
            GP, "gp", "TREAT", "Patient", List.of(), List.of(), null, Set.of("golden"), NOW);

    assertThat(
            decider
                .decideWithoutCodes(ownData, consents, LinkedRecords.NONE)
                .map(AccessDecision::rule))
        .contains(Rule.CONTROLLER);
    assertThat(
            decider
                .decideWithoutCodes(aboutNoOne, consents, LinkedRecords.NONE)
                .map(AccessDecision::rule))
        .contains(Rule.NOT_PERSONAL);
    assertThat(
            decider
                .decideWithoutCodes(noController, consents, LinkedRecords.NONE)
                .map(AccessDecision::rule))
        .contains(Rule.NO_CONTROLLER);
  }

  private static AccessQuestion analystAsks(String patient, List<Coding> codes) {
    return new AccessQuestion(
        ANALYST, "analyst", "HOPERAT", "Observation", codes, List.of(), HOME, Set.of(patient), NOW);
  }

  private static Coding weight() {
    return new Coding("http://loinc.org", "29463-7", "Body weight");
  }

  private static Provision provision(
      Vote type, Set<DataController> actors, Set<String> purposes, Set<String> codes) {
    return new Provision(
        type, null, null, actors, purposes, Set.of("Observation"), codes, Set.of(), List.of());
  }

  private static ConsentIndex index(List<ConsentRule> residents, List<ConsentRule> agreements) {
    Map<String, List<ConsentRule>> byPatient = new HashMap<>();
    residents.forEach(
        rule -> byPatient.computeIfAbsent(rule.patientId(), k -> new ArrayList<>()).add(rule));
    Map<DataController, List<ConsentRule>> byGrantor = new HashMap<>();
    agreements.forEach(
        rule ->
            rule.grantors()
                .forEach(g -> byGrantor.computeIfAbsent(g, k -> new ArrayList<>()).add(rule)));
    return new ConsentIndex(byPatient, byGrantor);
  }
}
