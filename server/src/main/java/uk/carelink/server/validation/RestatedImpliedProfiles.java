package uk.carelink.server.validation;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.IMessagingServices;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * The HL7 validator's full-validation policy, except that a resource validated against a CareLink
 * profile which restates the core profile the validator would imply is not walked a second time
 * against that core profile. The validator implies core {@code bodyweight} (and through it {@code
 * vitalsigns}) for every Observation coded LOINC 29463-7; the CareLink weight profile carries every
 * rule of both (observations.fsh), so the second walk, about a third of a weight's validation,
 * could find nothing the first did not. Resources validated against anything else, or claimed
 * against nothing, are still checked against what the validator implies.
 */
final class RestatedImpliedProfiles extends BasePolicyAdvisorForFullValidation {

  /** CareLink profiles that carry every rule of the core profiles implied for what they profile. */
  static final Set<String> RESTATING_IMPLIED_CORE_PROFILES = Set.of(CareLinkProfiles.BODY_WEIGHT);

  /** What one validation is against, handed to the validator as its application context. */
  record ValidatedAgainst(Collection<String> profileUrls) {

    boolean restatesImpliedProfiles() {
      return profileUrls.stream().anyMatch(RESTATING_IMPLIED_CORE_PROFILES::contains);
    }
  }

  RestatedImpliedProfiles() {
    super(ReferenceValidationPolicy.IGNORE, Set.of());
  }

  @Override
  public List<StructureDefinition> getImpliedProfilesForResource(
      IResourceValidator validator,
      Object appContext,
      String stackPath,
      ElementDefinition definition,
      StructureDefinition structure,
      Element resource,
      boolean valid,
      IMessagingServices msgServices,
      List<ValidationMessage> messages) {
    if (appContext instanceof ValidatedAgainst against && against.restatesImpliedProfiles()) {
      return List.of();
    }
    return super.getImpliedProfilesForResource(
        validator,
        appContext,
        stackPath,
        definition,
        structure,
        resource,
        valid,
        msgServices,
        messages);
  }
}
