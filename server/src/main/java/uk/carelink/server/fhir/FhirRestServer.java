package uk.carelink.server.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * HAPI's REST server, held in a bean that is deliberately not a {@code Servlet}.
 *
 * <p>Spring Boot builds every Servlet bean while it creates the embedded web server, before bean
 * types are cached; building the RestfulServer then also builds HAPI's ~150 DAOs, each autowire
 * scanning every bean definition. Holding it here defers it to normal singleton creation (its
 * separate effect on start-up was within measurement noise). {@link DeferredFhirServlet} serves it.
 */
public record FhirRestServer(RestfulServer servlet) {}
