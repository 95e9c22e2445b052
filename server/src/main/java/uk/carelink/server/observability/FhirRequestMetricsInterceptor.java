package uk.carelink.server.observability;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;

/**
 * Times every FHIR request into the {@code carelink.fhir.requests} metric, tagged by interaction,
 * resource type and HTTP status class, so Prometheus shows where load and errors are.
 */
@Component
public class FhirRequestMetricsInterceptor implements CareLinkInterceptor {

  static final String METRIC = "carelink.fhir.requests";
  private final MeterRegistry registry;

  public FhirRequestMetricsInterceptor(MeterRegistry registry) {
    this.registry = registry;
  }

  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void recordCompletedRequest(RequestDetails request, ServletRequestDetails servlet) {
    String interaction =
        request.getRestOperationType() == null
            ? "unknown"
            : request.getRestOperationType().getCode();
    String resourceType = request.getResourceName() == null ? "system" : request.getResourceName();
    int status = servlet == null ? 0 : servlet.getServletResponse().getStatus();
    Timer.builder(METRIC)
        .description("FHIR API requests handled by the server")
        .tag("interaction", interaction)
        .tag("resource", resourceType)
        .tag("status", status / 100 + "xx")
        .register(registry)
        .record(request.getRequestStopwatch().getMillis(), TimeUnit.MILLISECONDS);
  }
}
