package uk.carelink.server.ingest;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.validation.ProfileRule;

/**
 * Test-only profile rule: an Observation whose note is {@link #MARKER} must also conform to the
 * MUST score profile, which a body weight cannot. The mappings check every column so carefully that
 * no CSV value yields a resource the profiles reject; this lets {@code IngestRejectionTest} show
 * what {@code $ingest} answers when profile validation does reject a row ({@code PROFILE_INVALID}).
 * Only resources carrying the marker are affected, so the shared test context is otherwise as
 * configured.
 */
@Component
class MarkedObservationProfileRule implements ProfileRule {

  static final String MARKER = "test: must also be a MUST score";

  @Override
  public Set<String> profilesFor(IBaseResource resource, RequestDetails request) {
    return resource instanceof Observation observation
            && observation.getNote().stream().anyMatch(n -> MARKER.equals(n.getText()))
        ? Set.of(CareLinkProfiles.MUST_SCORE)
        : Set.of();
  }
}
