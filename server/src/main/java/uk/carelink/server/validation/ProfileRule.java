package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One reason for validating a written resource against profiles. {@link ProfileSelector} asks every
 * rule (every Spring bean of this type) and validates against the union of their answers.
 *
 * <p>What the resource claims ({@link DeclaredProfileRule}), per-type defaults from configuration
 * ({@link DefaultProfileRule}) and, for every write by a care home party, the profile for what it
 * writes ({@link CareHomePartyRule}).
 */
@FunctionalInterface
public interface ProfileRule {

  /**
   * Profile URLs the resource must conform to; empty if this rule does not apply.
   *
   * @param request the request that writes it (never null for API writes)
   */
  Set<String> profilesFor(IBaseResource resource, RequestDetails request);
}
