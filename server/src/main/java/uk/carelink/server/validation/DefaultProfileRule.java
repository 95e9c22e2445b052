package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Resource types configured in {@code carelink.validation.default-profiles} are validated against
 * those profiles whether or not they claim them.
 */
@Component
public class DefaultProfileRule implements ProfileRule {

  private final ValidationProperties properties;

  public DefaultProfileRule(ValidationProperties properties) {
    this.properties = properties;
  }

  @Override
  public Set<String> profilesFor(IBaseResource resource, RequestDetails request) {
    return Set.copyOf(properties.defaultProfiles().getOrDefault(resource.fhirType(), List.of()));
  }
}
