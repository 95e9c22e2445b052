package uk.carelink.server.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.SandboxTokens;

/**
 * Acceptance 3: tokens that must not be trusted get 401 with an OperationOutcome. The tokens are
 * signed with the running sandbox issuer's own key (so only the one property under test is wrong)
 * and sent through the HTTP API; the checks are {@link TokenValidation}'s, shared with production.
 * A sandbox token presented to a prod server is checked in KeycloakProdIT.
 */
class TokenRejectionTest extends FhirApiTest {

  @Autowired JWKSource<SecurityContext> sandboxKeys;
  @Autowired SandboxProperties sandbox;

  @Test
  void aTokenMintedLikeTheIssuersIsAccepted() {
    // The control: the minting below produces tokens the server accepts when nothing is wrong.
    fhirAnonymous().auth().oauth2(mint(claims -> claims)).get("/Patient").then().statusCode(200);
  }

  @Test
  void anExpiredTokenIsRefused() {
    String expired =
        mint(
            claims ->
                claims
                    .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                    .expiresAt(Instant.now().minus(Duration.ofHours(1))));

    assertRefused(expired, "expired");
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    assertRefused(mintWithout("exp"), "exp");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertRefused(mint(claims -> claims.issuer("https://evil.example/realms/carelink")), "iss");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertRefused(mint(claims -> claims.audience(List.of("some-other-api"))), "aud");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(sandbox.issuer())
            .audience("carelink-fhir")
            .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300)))
            .claim("org_system", "https://fhir.nhs.uk/Id/ods-organization-code")
            .claim("org_value", "X1Z01")
            .claim("role", "admin")
            .claim("client_id", "admin")
            .claim("scope", "system/*.cruds")
            .build();

    assertRefused(new PlainJWT(claims).serialize(), "none");
  }

  @Test
  void aTokenWithATamperedPayloadIsRefused() {
    String[] parts = SandboxTokens.fetch(port, "analyst").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String escalated = payload.replace("system/*.rs", "system/*.cruds");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes())
            + "."
            + parts[2];

    assertRefused(tampered, "signature");
  }

  @Test
  void aTokenSignedWithAnUnknownKeyIsRefused() throws JOSEException {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();

    assertRefused(mint(new ImmutableJWKSet<>(new JWKSet(stranger)), claims -> claims), "key");
  }

  @Test
  void aTokenWithoutTheOrganisationClaimIsRefused() {
    assertRefused(mintWithout("org_value"), "org_value");
  }

  private void assertRefused(String token, String reason) {
    fhirAnonymous()
        .auth()
        .oauth2(token)
        .get("/Patient")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("invalid_token"))
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].severity", equalTo("error"))
        .body("issue[0].code", equalTo("login"))
        .body("issue[0].diagnostics", containsString(reason));
  }

  private String mint(UnaryOperator<JwtClaimsSet.Builder> change) {
    return mint(sandboxKeys, change);
  }

  private String mintWithout(String claim) {
    return mint(claims -> claims.claims(all -> all.remove(claim)));
  }

  private String mint(JWKSource<SecurityContext> keys, UnaryOperator<JwtClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(sandbox.issuer())
            .subject("admin")
            .audience(List.of("carelink-fhir"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300))
            .claims(
                all ->
                    all.putAll(
                        Map.of(
                            "client_id", "admin",
                            "org_system", "https://fhir.nhs.uk/Id/ods-organization-code",
                            "org_value", "X1Z01",
                            "role", "admin",
                            "purpose_of_use", "HOPERAT",
                            "scope", List.of("system/*.cruds"))));
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return new NimbusJwtEncoder(keys)
        .encode(JwtEncoderParameters.from(header, change.apply(claims).build()))
        .getTokenValue();
  }
}
