package uk.carelink.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Production: tokens come from Keycloak at {@code carelink.security.issuer-uri}. Signature (RS256,
 * keys from the issuer's JWK set), expiry, issuer and audience are checked. The keys are fetched on
 * the first request, not at start-up, so the server starts even while Keycloak is still starting.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
public class KeycloakTokenConfig {

  private static final String KEYCLOAK_TOKEN_PATH = "/protocol/openid-connect/token";
  private static final String KEYCLOAK_CERTS_PATH = "/protocol/openid-connect/certs";

  @Bean
  JwtDecoder keycloakJwtDecoder(SecurityProperties security) {
    String issuer = requireIssuer(security);
    JwtDecoder lazy =
        new SupplierJwtDecoder(
            () -> {
              NimbusJwtDecoder decoder =
                  security.jwkSetUri().isBlank()
                      ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
                      : NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
              decoder.setJwtValidator(TokenValidation.validator(issuer, security.audience()));
              return decoder;
            });
    // An unreachable issuer is a JwtException like an unreachable key set, so that it is answered
    // 503 (SecurityErrorResponses) rather than escaping as a servlet error; the next request
    // tries again.
    return token -> {
      try {
        return lazy.decode(token);
      } catch (JwtDecoderInitializationException unreachable) {
        throw new JwtException("Cannot reach the token issuer " + issuer, unreachable);
      }
    };
  }

  @Bean
  TokenEndpoint keycloakTokenEndpoint(SecurityProperties security) {
    String issuer = requireIssuer(security);
    String token =
        security.tokenEndpoint().isBlank()
            ? issuer + KEYCLOAK_TOKEN_PATH
            : security.tokenEndpoint();
    return new TokenEndpoint() {
      @Override
      public String issuer() {
        return issuer;
      }

      @Override
      public String url(HttpServletRequest request) {
        return token;
      }

      @Override
      public String jwksUrl(HttpServletRequest request) {
        return issuer + KEYCLOAK_CERTS_PATH;
      }
    };
  }

  private static String requireIssuer(SecurityProperties security) {
    String issuer = security.issuerUri().replaceAll("/+$", "");
    if (issuer.isBlank()) {
      throw new IllegalStateException(
          "The prod profile needs the Keycloak issuer: set CARELINK_SECURITY_ISSUER_URI");
    }
    return issuer;
  }
}
