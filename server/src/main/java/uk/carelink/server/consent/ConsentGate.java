package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.util.Set;
import uk.carelink.server.fhir.AccessControlInterceptor;
import uk.carelink.server.security.Party;

/**
 * HAPI's consent interceptor running {@link ConsentEnforcement}, registered as access control.
 * Requests of unrestricted roles (the service desk) skip it altogether, keeping exact Bundle totals
 * and {@code _summary=count}, which HAPI refuses whenever consent filters (a count would reveal
 * hidden resources). Their requests are audited all the same.
 */
public class ConsentGate extends ConsentInterceptor implements AccessControlInterceptor {

  private final Set<String> unrestrictedRoles;

  public ConsentGate(ConsentEnforcement enforcement, Set<String> unrestrictedRoles) {
    super(enforcement);
    this.unrestrictedRoles = Set.copyOf(unrestrictedRoles);
  }

  /** Runs after the party is attached (same pointcut, later order), before consent starts. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 100)
  public void skipForUnrestrictedRoles(RequestDetails request) {
    Party.from(request)
        .filter(party -> unrestrictedRoles.contains(party.role()))
        .ifPresent(party -> ConsentInterceptor.skipAllConsentForRequest(request));
  }
}
