package uk.carelink.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * Hands the party that Spring Security authenticated for this HTTP request to HAPI, as early as
 * HAPI knows the request, so every later hook can use {@link Party#from}, and the purpose of use
 * the request asks for ({@link PurposeOfUse}).
 */
@Component
public class PartyRequestInterceptor implements AccessControlInterceptor {

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void attachParty(RequestDetails request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof PartyAuthentication authenticated) {
      Party party = authenticated.party();
      Party.attach(request, party);
      choosePurpose(request, party);
    }
  }

  /** A purpose named in the request must be one the token grants: refused (403) otherwise. */
  private static void choosePurpose(RequestDetails request, Party party) {
    String asked = request.getHeader(PurposeOfUse.HEADER);
    if (asked == null || asked.isBlank()) {
      return;
    }
    String purpose = asked.trim();
    if (!party.grantedPurposes().contains(purpose)) {
      throw new ForbiddenOperationException(
          "Purpose of use "
              + purpose
              + " (header "
              + PurposeOfUse.HEADER
              + ") is not granted to "
              + party.clientId()
              + "; granted: "
              + String.join(", ", party.grantedPurposes()));
    }
    PurposeOfUse.choose(request, purpose);
  }
}
