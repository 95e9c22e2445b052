package uk.carelink.server.fhir;

/**
 * Marks a Spring bean as one of the project's HAPI interceptors (a class with {@code @Hook}
 * methods). The REST server registers every such bean, unless {@code carelink.interceptors.enabled}
 * is false.
 */
public interface CareLinkInterceptor {}
