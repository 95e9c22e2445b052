package uk.carelink.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;

/**
 * Lists every CareLink profile in the CapabilityStatement ({@code rest.resource.supportedProfile}),
 * so clients can discover what the server validates against.
 */
@Component
public class SupportedProfilesInterceptor implements CareLinkInterceptor {

  private final ProfilePackage profiles;

  public SupportedProfilesInterceptor(ProfilePackage profiles) {
    this.profiles = profiles;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void listProfiles(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement capabilities)) {
      return;
    }
    for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        List<String> urls = profiles.profilesByType().getOrDefault(resource.getType(), List.of());
        for (String url : urls) {
          if (resource.getSupportedProfile().stream().noneMatch(p -> url.equals(p.getValue()))) {
            resource.addSupportedProfile(url);
          }
        }
      }
    }
  }
}
