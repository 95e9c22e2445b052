package uk.carelink.server.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switch for the project's own HAPI interceptors ({@code carelink.interceptors.*}).
 *
 * @param enabled when false, none of the project's interceptors is registered: the server runs as
 *     bare HAPI, which is what the benchmarks compare against. Never switch off in production.
 */
@ConfigurationProperties("carelink.interceptors")
public record InterceptorProperties(@DefaultValue("true") boolean enabled) {}
