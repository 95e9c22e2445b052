package uk.carelink.server.consent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.carelink.server.consent.AccessDecision.Rule;

/**
 * Where consent is decided. Deny by default; in this order:
 *
 * <ol>
 *   <li>unrestricted roles and the data's own controller see it;
 *   <li>data about no one is shared, except restricted types (the audit trail);
 *   <li>a resident's active Consent (on any of the person's linked records) that denies wins, then
 *       one that permits;
 *   <li>an active agreement of the data's controller that denies, then one that permits; for direct
 *       care an agreement covers only people the party holds its own record of.
 * </ol>
 *
 * Within one level, deny wins over permit. Pure: everything it needs comes in the question and the
 * snapshots, so the same answer is given to requests and to {@code $explain-access}.
 */
public class AccessDecider {

  private final ConsentProperties properties;

  public AccessDecider(ConsentProperties properties) {
    this.properties = properties;
  }

  public AccessDecision decide(AccessQuestion q, ConsentIndex consents, PatientDirectory links) {
    return decide(q, consents, links, true).orElseThrow();
  }

  /**
   * The same decision for a question whose codes are not known (a resource described from HAPI's
   * indexes, not loaded): empty when a Consent it would consult names codes, so that the decision
   * could depend on them.
   */
  public Optional<AccessDecision> decideWithoutCodes(
      AccessQuestion q, ConsentIndex consents, PatientDirectory links) {
    return decide(q, consents, links, false);
  }

  private Optional<AccessDecision> decide(
      AccessQuestion q, ConsentIndex consents, PatientDirectory links, boolean codesKnown) {
    if (properties.unrestrictedRoles().contains(q.role())) {
      return Optional.of(AccessDecision.permit(Rule.UNRESTRICTED_ROLE));
    }
    if (q.controller() != null && q.controller().equals(q.party())) {
      return Optional.of(AccessDecision.permit(Rule.CONTROLLER));
    }
    if (q.patientIds().isEmpty()) {
      return Optional.of(
          properties.adminOnlyTypes().contains(q.resourceType())
              ? AccessDecision.deny(Rule.RESTRICTED_TYPE)
              : AccessDecision.permit(Rule.NOT_PERSONAL));
    }
    if (q.controller() == null) {
      return Optional.of(AccessDecision.deny(Rule.NO_CONTROLLER));
    }
    Set<String> person = new LinkedHashSet<>();
    q.patientIds().forEach(id -> person.addAll(links.group(id)));

    List<ConsentRule> residentRules = new ArrayList<>();
    person.forEach(id -> residentRules.addAll(consents.forPatient(id)));
    List<ConsentRule> agreements = consents.agreementsOf(q.controller());
    if (!codesKnown
        && (residentRules.stream().anyMatch(ConsentRule::readsCodes)
            || agreements.stream().anyMatch(ConsentRule::readsCodes))) {
      return Optional.empty();
    }
    Optional<AccessDecision> resident =
        strongest(residentRules, q, Rule.RESIDENT_DENY, Rule.RESIDENT_PERMIT);
    if (resident.isPresent()) {
      return resident;
    }
    Optional<AccessDecision> agreement =
        strongest(agreements, q, Rule.AGREEMENT_DENY, Rule.AGREEMENT_PERMIT);
    if (agreement.isEmpty()) {
      return Optional.of(AccessDecision.deny(Rule.NO_PERMISSION));
    }
    if (agreement.get().permitted()
        && properties.directCarePurposes().contains(q.purpose())
        && person.stream()
            .noneMatch(id -> links.controller(id).map(q.party()::equals).orElse(false))) {
      return Optional.of(
          new AccessDecision(Vote.DENY, Rule.NO_CARE_RELATIONSHIP, agreement.get().consents()));
    }
    return agreement;
  }

  /**
   * The controllers whose data about people this party could be permitted to see for this purpose
   * and class: itself and the grantors of agreements that permit it now. Empty when that cannot be
   * narrowed: an unrestricted role, or a resident-level Consent that may permit the party (it can
   * open any controller's data about that resident).
   */
  public java.util.Optional<java.util.Set<DataController>> possibleControllers(
      DataController party,
      String role,
      String purpose,
      String resourceType,
      ConsentIndex consents,
      java.time.Instant at) {
    if (properties.unrestrictedRoles().contains(role)
        || consents.residentMayPermit(party, purpose, resourceType)) {
      return java.util.Optional.empty();
    }
    AccessQuestion question =
        new AccessQuestion(
            party, role, purpose, resourceType, List.of(), List.of(), null, Set.of(), at);
    java.util.Set<DataController> controllers = new java.util.LinkedHashSet<>();
    controllers.add(party);
    consents
        .agreementsByGrantor()
        .forEach(
            (grantor, rules) -> {
              if (rules.stream().anyMatch(rule -> rule.provision().mayPermit(question))) {
                controllers.add(grantor);
              }
            });
    return java.util.Optional.of(controllers);
  }

  /** Deny if any rule denies (naming those that do), else permit if any permits, else nothing. */
  private static Optional<AccessDecision> strongest(
      List<ConsentRule> rules, AccessQuestion q, Rule denyRule, Rule permitRule) {
    List<String> denying = new ArrayList<>();
    List<String> permitting = new ArrayList<>();
    for (ConsentRule rule : rules) {
      rule.vote(q)
          .ifPresent(vote -> (vote == Vote.DENY ? denying : permitting).add(rule.consentId()));
    }
    if (!denying.isEmpty()) {
      return Optional.of(new AccessDecision(Vote.DENY, denyRule, List.copyOf(denying)));
    }
    if (!permitting.isEmpty()) {
      return Optional.of(new AccessDecision(Vote.PERMIT, permitRule, List.copyOf(permitting)));
    }
    return Optional.empty();
  }
}
