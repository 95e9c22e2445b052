package uk.carelink.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.validation.ProfileValidator;
import uk.carelink.world.PartyTransaction;
import uk.carelink.world.WorldGenerator;

/**
 * Every resource of the sandbox world conforms to the CareLink profiles it claims (and to base R4
 * where it claims none), checked with the server's own validator. The loader writes in-process and
 * so skips validation on write; this test is what keeps the generator and the profiles in step.
 */
class SandboxWorldConformanceTest extends FhirApiTest {

  @Autowired ProfileValidator validator;
  @Autowired SandboxWorldProperties properties;

  @Test
  void everyGeneratedResourceConformsToTheProfilesItClaims() {
    List<String> problems = new ArrayList<>();
    int claimingAProfile = 0;
    for (PartyTransaction transaction : new WorldGenerator(properties.worldSpec()).generateAll()) {
      for (Bundle.BundleEntryComponent entry : transaction.bundle().getEntry()) {
        Resource resource = entry.getResource();
        List<String> profiles =
            resource.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
        if (!profiles.isEmpty()) {
          claimingAProfile++;
        }
        for (SingleValidationMessage error : validator.errors(resource, profiles)) {
          problems.add(
              entry.getRequest().getUrl()
                  + " "
                  + error.getLocationString()
                  + ": "
                  + error.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(claimingAProfile).as("resources claiming a CareLink profile").isGreaterThan(1_000);
  }
}
