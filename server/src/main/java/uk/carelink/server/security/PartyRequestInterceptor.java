package uk.carelink.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * Hands the party that Spring Security authenticated for this HTTP request to HAPI, as early as
 * HAPI knows the request, so every later hook can use {@link Party#from}.
 */
@Component
public class PartyRequestInterceptor implements AccessControlInterceptor {

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void attachParty(RequestDetails request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof PartyAuthentication party) {
      Party.attach(request, party.party());
    }
  }
}
