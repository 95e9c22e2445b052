package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Resources that a server operation has already validated, within one request, against exactly the
 * profiles {@link ProfileSelector} picks for them, so that {@link ProfileValidatingInterceptor}
 * does not validate them a second time when the same request stores them ({@code $ingest} validates
 * every mapped resource first to report row-level rejects). Kept in the request's user data, which
 * transaction entries share, and keyed by object identity: HAPI stores the request bundle's own
 * resource objects, so only the very object that was validated is skipped, and only when the
 * selector still picks the same profiles for it at storage time.
 */
public final class AlreadyValidated {

  private static final String KEY = AlreadyValidated.class.getName();

  private AlreadyValidated() {}

  /** Records that {@code resource} passed validation against {@code profiles} in this request. */
  public static void record(RequestDetails request, IBaseResource resource, Set<String> profiles) {
    validated(request).put(resource, Set.copyOf(profiles));
  }

  /**
   * Whether this very object passed validation against exactly {@code profiles} in this request.
   */
  static boolean covers(RequestDetails request, IBaseResource resource, Set<String> profiles) {
    if (request == null || !(request.getUserData().get(KEY) instanceof Map<?, ?> validated)) {
      return false;
    }
    return profiles.equals(validated.get(resource));
  }

  @SuppressWarnings("unchecked")
  private static Map<IBaseResource, Set<String>> validated(RequestDetails request) {
    return (Map<IBaseResource, Set<String>>)
        request.getUserData().computeIfAbsent(KEY, k -> new IdentityHashMap<>());
  }
}
