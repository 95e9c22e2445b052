package uk.carelink.server.security;

/**
 * Published when a FHIR request is refused before it reaches the FHIR layer because it has no valid
 * token (401), so the refusal can be audited like every other.
 *
 * @param method HTTP method
 * @param requestLine path and query as sent
 * @param remoteAddress the caller's network address
 * @param requestId the client's {@code X-Request-ID}, or null
 * @param reason why the token was refused
 */
public record AuthenticationRefused(
    String method, String requestLine, String remoteAddress, String requestId, String reason) {}
