package uk.carelink.server.fhir;

/**
 * Marks a HAPI interceptor that controls access. Unlike {@link CareLinkInterceptor}s, these are
 * registered whatever {@code carelink.interceptors.enabled} says: switching behaviour off for a
 * benchmark must never switch off who may do what (ADR 4, ADR 7).
 */
public interface AccessControlInterceptor {}
