package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.Optional;
import java.util.Set;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * Coarse narrowing in the query, before per-resource decisions: a search for data about people is
 * limited ({@code _security}) to the controllers whose data the party could be permitted to see at
 * all: itself and the controllers whose active agreements permit it this purpose and class. It
 * narrows only when no resident-level Consent could permit the party (such a Consent can open any
 * controller's data about that resident). A strict superset of what consent permits, so it never
 * hides a permitted resource; it spares the per-resource check (and HAPI's refill of a short first
 * page) everything the party could never see.
 */
public class ControllerNarrowing implements AccessControlInterceptor {

  private final AccessDecider decider;
  private final ConsentProperties properties;
  private final FhirContext context;

  public ControllerNarrowing(
      AccessDecider decider, ConsentProperties properties, FhirContext context) {
    this.decider = decider;
    this.properties = properties;
    this.context = context;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void narrow(RequestDetails request, SearchParameterMap map) {
    if (request == null
        || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE
        || map.containsKey(Constants.PARAM_SECURITY)) {
      return;
    }
    Optional<RequestAccess> access = RequestAccess.of(request);
    String type = request.getResourceName();
    if (access.isEmpty() || type == null || !aboutPeople(type)) {
      return;
    }
    Optional<Set<DataController>> controllers =
        decider.possibleControllers(
            DataController.of(access.get().party()),
            access.get().party().role(),
            access.get().purpose(),
            type,
            access.get().consents(),
            access.get().at());
    if (controllers.isEmpty()) {
      return;
    }
    TokenOrListParam labels = new TokenOrListParam();
    controllers.get().forEach(c -> labels.add(c.system(), c.value()));
    map.add(Constants.PARAM_SECURITY, labels);
  }

  /** Types in the Patient compartment (or Patient itself): the data consent decides per person. */
  private boolean aboutPeople(String type) {
    if ("Patient".equals(type)) {
      return true;
    }
    RuntimeResourceDefinition definition = context.getResourceDefinition(type);
    return !properties.adminOnlyTypes().contains(type)
        && definition.getSearchParams().stream()
            .anyMatch(
                param ->
                    param.getProvidesMembershipInCompartments() != null
                        && param.getProvidesMembershipInCompartments().contains("Patient"));
  }
}
