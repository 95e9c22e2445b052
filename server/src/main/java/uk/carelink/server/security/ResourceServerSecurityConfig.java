package uk.carelink.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The server is an OAuth2 resource server: every request needs a valid bearer token (the {@link
 * org.springframework.security.oauth2.jwt.JwtDecoder} comes from the prod or the sandbox
 * configuration), except the few public documents below. What a token may do inside the FHIR API is
 * decided by {@link SmartScopeInterceptor}.
 *
 * <p>Public: the CapabilityStatement and the SMART configuration (clients need them to find out how
 * to authenticate), and the actuator's health, info and Prometheus endpoints, which orchestrators
 * and scrapers call without credentials and which disclose no patient data (ADR 7).
 */
@Configuration(proxyBeanMethods = false)
public class ResourceServerSecurityConfig {

  /** After the sandbox issuer's own chain (which matches only its endpoints). */
  static final int ORDER = 10;

  @Bean
  @Order(ORDER)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, JwtPartyConverter parties, SecurityErrorResponses errors)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        path.matcher(HttpMethod.GET, "/fhir/metadata"),
                        path.matcher(HttpMethod.GET, SmartConfigurationServlet.ROOT_PATH),
                        path.matcher(HttpMethod.GET, SmartConfigurationServlet.FHIR_PATH),
                        path.matcher(HttpMethod.GET, "/actuator/health"),
                        path.matcher(HttpMethod.GET, "/actuator/health/**"),
                        path.matcher(HttpMethod.GET, "/actuator/info"),
                        path.matcher(HttpMethod.GET, "/actuator/prometheus"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(parties))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors)
                    .withObjectPostProcessor(
                        new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                          @Override
                          public <F extends BearerTokenAuthenticationFilter> F postProcess(
                              F filter) {
                            // Spring's default rethrows issuer failures as servlet errors.
                            filter.setAuthenticationFailureHandler(errors);
                            return filter;
                          }
                        }))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(errors))
        // Bearer tokens only: no session, no cookies, hence nothing for CSRF to protect.
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }
}
