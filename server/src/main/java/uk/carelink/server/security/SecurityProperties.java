package uk.carelink.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the server trusts for tokens ({@code carelink.security.*}). Under the {@code prod} profile
 * the issuer is Keycloak; otherwise the embedded sandbox issuer ({@code
 * carelink.security.sandbox.*}) is used and these are ignored except {@code audience}.
 *
 * @param issuerUri the trusted issuer (Keycloak realm URL, e.g. {@code
 *     https://auth.example/realms/carelink}); required under {@code prod}, where it comes from
 *     {@code CARELINK_SECURITY_ISSUER_URI}. Tokens must carry exactly this {@code iss}.
 * @param jwkSetUri where to fetch the issuer's signing keys; empty means OpenID discovery at the
 *     issuer. Set it when the server reaches Keycloak at another address than the public one (e.g.
 *     {@code http://keycloak:8080/realms/carelink/protocol/openid-connect/certs} in compose).
 * @param tokenEndpoint the token endpoint advertised in {@code .well-known/smart-configuration};
 *     empty means {@code <issuer-uri>/protocol/openid-connect/token} (Keycloak's)
 * @param audience the {@code aud} value every token must include
 */
@ConfigurationProperties("carelink.security")
public record SecurityProperties(
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String jwkSetUri,
    @DefaultValue("") String tokenEndpoint,
    @DefaultValue("carelink-fhir") String audience) {}
