package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
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
 * page) everything the party could never see. It is left out where it could exclude nothing: every
 * controller holding data of the type is among those it allows ({@link ControllerHoldings}).
 *
 * <p>When the only such controller is the party itself and the search includes nothing, every
 * result is the party's own data, which the controller rule always permits: the per-resource checks
 * are skipped for that request. Otherwise the first pass of the search is sized with headroom
 * ({@link SearchPassHeadroom}) and its results are decided from HAPI's indexes ({@link
 * SearchResultScreening}). Narrowed searches are never served from, or kept in, HAPI's search
 * cache: their results depend on who asked.
 */
public class ControllerNarrowing implements AccessControlInterceptor {

  private static final String NARROWED = ControllerNarrowing.class.getName() + ".narrowed";

  private final AccessDecider decider;
  private final ConsentProperties properties;
  private final FhirContext context;
  private final SearchPassHeadroom headroom;

  public ControllerNarrowing(
      AccessDecider decider,
      ConsentProperties properties,
      FhirContext context,
      SearchPassHeadroom headroom) {
    this.decider = decider;
    this.properties = properties;
    this.context = context;
    this.headroom = headroom;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void narrow(
      RequestDetails request, SearchParameterMap map, ICachedSearchDetails cachedSearch) {
    Optional<RequestAccess> access = request == null ? Optional.empty() : RequestAccess.of(request);
    if (access.isEmpty()
        || properties.unrestrictedRoles().contains(access.get().party().role())
        || request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
      return;
    }
    cachedSearch.setCannotBeReused();
    request.getUserData().put(NARROWED, Boolean.TRUE);
    if (narrowToPossibleControllers(request, map, access.get())) {
      ConsentInterceptor.skipAllConsentForRequest(request);
    } else {
      headroom.widenFirstPass(request, map);
      access.get().decideResultsFromIndexes();
    }
  }

  /**
   * Adds the {@code _security} narrowing where it applies; true when it leaves only the party's own
   * data and the search includes nothing, so that every result is permitted.
   */
  private boolean narrowToPossibleControllers(
      RequestDetails request, SearchParameterMap map, RequestAccess access) {
    String type = request.getResourceName();
    if (map.containsKey(Constants.PARAM_SECURITY) || type == null || !aboutPeople(type)) {
      return false;
    }
    DataController self = DataController.of(access.party());
    Optional<Set<DataController>> controllers =
        decider.possibleControllers(
            self, access.party().role(), access.purpose(), type, access.consents(), access.at());
    if (controllers.isEmpty()) {
      return false;
    }
    boolean ownDataOnly =
        controllers.get().equals(Set.of(self))
            && map.getIncludes().isEmpty()
            && map.getRevIncludes().isEmpty();
    if (!ownDataOnly && access.holdings().onlyHeldBy(type, controllers.get())) {
      // Every holder of this type's data is among them: the narrowing would exclude nothing, and
      // HAPI's join of the tag tables for it costs more than the rest of such a search. The
      // results are decided one by one all the same.
      return false;
    }
    TokenOrListParam labels = new TokenOrListParam();
    controllers.get().forEach(c -> labels.add(c.system(), c.value()));
    map.add(Constants.PARAM_SECURITY, labels);
    return ownDataOnly;
  }

  /** A search whose results depend on the party never reuses another request's results. */
  @Hook(Pointcut.STORAGE_PRECHECK_FOR_CACHED_SEARCH)
  public boolean mayReuseCachedSearch(RequestDetails request) {
    return request == null || !Boolean.TRUE.equals(request.getUserData().get(NARROWED));
  }

  /** Types in the Patient compartment (or Patient itself): the data consent decides per person. */
  private boolean aboutPeople(String type) {
    return "Patient".equals(type)
        || (!properties.adminOnlyTypes().contains(type)
            && ResourceFacts.inPatientCompartment(context, type));
  }
}
