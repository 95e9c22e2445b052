package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One reason for validating a written resource against profiles. {@link ProfileSelector} asks every
 * rule (every Spring bean of this type) and validates against the union of their answers.
 *
 * <p>Today: what the resource claims ({@link DeclaredProfileRule}) and per-type defaults from
 * configuration ({@link DefaultProfileRule}). Planned: a rule that requires the default profiles
 * for every write made by a care home party (role {@code carehome}, from {@code
 * uk.carelink.server.security}) is one more bean of this type.
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
