package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.springframework.stereotype.Component;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * A resource that claims a profile in {@code meta.profile} is validated against it: every claimed
 * profile in the CareLink package, and every claim under the CareLink canonical base, so a claim of
 * a CareLink profile that does not exist is an error rather than silently ignored. Claims of other
 * profiles (e.g. UK Core, sent by NHS systems) are not validated: their definitions are not loaded.
 */
@Component
public class DeclaredProfileRule implements ProfileRule {

  private final ProfilePackage profiles;

  public DeclaredProfileRule(ProfilePackage profiles) {
    this.profiles = profiles;
  }

  @Override
  public Set<String> profilesFor(IBaseResource resource, RequestDetails request) {
    return resource.getMeta().getProfile().stream()
        .map(IPrimitiveType::getValueAsString)
        .filter(url -> url != null && (profiles.hasProfile(url) || isCareLink(url)))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean isCareLink(String url) {
    return url.startsWith(CareLinkProfiles.CANONICAL + "/");
  }
}
