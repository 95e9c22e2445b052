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
    if (properties.unrestrictedRoles().contains(q.role())) {
      return AccessDecision.permit(Rule.UNRESTRICTED_ROLE);
    }
    if (q.controller() != null && q.controller().equals(q.party())) {
      return AccessDecision.permit(Rule.CONTROLLER);
    }
    if (q.patientIds().isEmpty()) {
      return properties.adminOnlyTypes().contains(q.resourceType())
          ? AccessDecision.deny(Rule.RESTRICTED_TYPE)
          : AccessDecision.permit(Rule.NOT_PERSONAL);
    }
    if (q.controller() == null) {
      return AccessDecision.deny(Rule.NO_CONTROLLER);
    }
    Set<String> person = new LinkedHashSet<>();
    q.patientIds().forEach(id -> person.addAll(links.group(id)));

    List<ConsentRule> residentRules = new ArrayList<>();
    person.forEach(id -> residentRules.addAll(consents.forPatient(id)));
    Optional<AccessDecision> resident =
        strongest(residentRules, q, Rule.RESIDENT_DENY, Rule.RESIDENT_PERMIT);
    if (resident.isPresent()) {
      return resident.get();
    }
    Optional<AccessDecision> agreement =
        strongest(
            consents.agreementsOf(q.controller()), q, Rule.AGREEMENT_DENY, Rule.AGREEMENT_PERMIT);
    if (agreement.isEmpty()) {
      return AccessDecision.deny(Rule.NO_PERMISSION);
    }
    if (agreement.get().permitted()
        && properties.directCarePurposes().contains(q.purpose())
        && person.stream()
            .noneMatch(id -> links.controller(id).map(q.party()::equals).orElse(false))) {
      return new AccessDecision(Vote.DENY, Rule.NO_CARE_RELATIONSHIP, agreement.get().consents());
    }
    return agreement.get();
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
