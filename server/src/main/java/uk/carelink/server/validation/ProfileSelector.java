package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Decides which profiles a written resource is validated against: the union of every {@link
 * ProfileRule} (what it claims, configured defaults, and what a care home party must send).
 */
@Component
public class ProfileSelector {

  private final List<ProfileRule> rules;

  public ProfileSelector(List<ProfileRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Profiles to validate against, sorted; empty when no rule applies. */
  public Set<String> select(IBaseResource resource, RequestDetails request) {
    Set<String> profiles = new TreeSet<>();
    for (ProfileRule rule : rules) {
      profiles.addAll(rule.profilesFor(resource, request));
    }
    return profiles;
  }
}
