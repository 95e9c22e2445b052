package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * A read of a resource consent hides and a read of an id that never existed must be
 * indistinguishable. HAPI words the two 404s differently (its message codes differ); every 404 for
 * a read is therefore answered with the same message, naming only what the client asked for.
 */
public class UniformNotFound implements AccessControlInterceptor {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException uniform(
      RequestDetails request,
      Throwable exception,
      HttpServletRequest servletRequest,
      HttpServletResponse servletResponse) {
    if (exception instanceof ResourceNotFoundException && request.getId() != null) {
      return new ResourceNotFoundException(
          "Resource " + request.getId().toUnqualifiedVersionless().getValue() + " is not known");
    }
    return null;
  }
}
