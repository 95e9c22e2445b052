package uk.carelink.server.sandbox;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.springframework.stereotype.Component;
import uk.carelink.world.PartyOrganization;

/**
 * Builds in-process requests made on behalf of a sandbox party, so that what the loader writes is
 * attributed to the party that controls it.
 */
@Component
public class PartyRequests {

  public SystemRequestDetails as(PartyOrganization party) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(PartyRequests.class.getName(), party);
    return request;
  }
}
