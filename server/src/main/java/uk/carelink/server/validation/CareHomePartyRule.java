package uk.carelink.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import uk.carelink.server.security.Party;

/**
 * Every write made by a care home party (role {@value #CARE_HOME_ROLE}) is validated against the
 * CareLink profile for what it writes, whether or not it claims one: a weight Observation sent
 * without {@code meta.profile} is still checked against the weight profile. Which profile fits is
 * configured in {@code carelink.validation.care-home-profiles} (resource type, and for types with
 * several profiles the coding that tells them apart). A resource no entry fits is not validated by
 * this rule: there is no CareLink profile for it.
 */
@Component
public class CareHomePartyRule implements ProfileRule {

  /** The role a care home system's token carries ({@link Party#role()}). */
  public static final String CARE_HOME_ROLE = "carehome";

  private final boolean enabled;
  private final List<ValidationProperties.CareHomeProfile> entries;
  private final FhirTerser terser;

  public CareHomePartyRule(
      ValidationProperties properties, ProfilePackage profiles, FhirContext context) {
    this.enabled = properties.careHomePartyValidation();
    this.entries = properties.careHomeProfiles();
    this.terser = context.newTerser();
    for (ValidationProperties.CareHomeProfile entry : entries) {
      if (!profiles.hasProfile(entry.profile())) {
        throw new IllegalStateException(
            "carelink.validation.care-home-profiles names "
                + entry.profile()
                + ", which is not a profile of the CareLink package");
      }
    }
  }

  @Override
  public Set<String> profilesFor(IBaseResource resource, RequestDetails request) {
    if (!enabled || !Party.from(request).map(p -> CARE_HOME_ROLE.equals(p.role())).orElse(false)) {
      return Set.of();
    }
    return entries.stream()
        .filter(entry -> fits(entry, resource))
        .map(ValidationProperties.CareHomeProfile::profile)
        .collect(Collectors.toUnmodifiableSet());
  }

  private boolean fits(ValidationProperties.CareHomeProfile entry, IBaseResource resource) {
    if (!entry.resourceType().equals(resource.fhirType())) {
      return false;
    }
    if (entry.coding() == null) {
      return true;
    }
    String path = resource.fhirType() + "." + entry.codedElement() + ".coding";
    return terser.getValues(resource, path, IBaseCoding.class).stream()
        .anyMatch(coding -> matches(entry.coding(), coding));
  }

  /** {@code system|code}, or {@code system|} for any code of the system. */
  private static boolean matches(String wanted, IBaseCoding coding) {
    String system = coding.getSystem() + "|";
    return wanted.endsWith("|") ? wanted.equals(system) : wanted.equals(system + coding.getCode());
  }
}
