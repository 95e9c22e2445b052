package uk.carelink.server.security.sandbox;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import uk.carelink.server.security.JwtPartyConverter;

/**
 * Writes the CareLink claim shape into sandbox access tokens, the same as Keycloak's mappers do:
 * {@code org_system}, {@code org_value}, {@code role}, {@code purpose_of_use}, {@code client_id}
 * and audience {@code carelink-fhir}. The {@code scope} claim is Spring's own (see {@link
 * AllScopesByDefault}).
 */
class SandboxTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final SandboxProperties sandbox;
  private final String audience;

  SandboxTokenClaims(SandboxProperties sandbox, String audience) {
    this.sandbox = sandbox;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String clientId = context.getRegisteredClient().getClientId();
    SandboxProperties.SandboxParty party =
        sandbox
            .client(clientId)
            .orElseThrow(() -> new IllegalStateException("Unknown sandbox client " + clientId));
    context
        .getClaims()
        .audience(List.of(audience))
        .claim(JwtPartyConverter.CLIENT_ID, clientId)
        .claim(JwtPartyConverter.ORG_SYSTEM, party.organizationSystem())
        .claim(JwtPartyConverter.ORG_VALUE, party.organizationValue())
        .claim(JwtPartyConverter.ROLE, party.role());
    if (party.purposeOfUse() != null) {
      context.getClaims().claim(JwtPartyConverter.PURPOSE_OF_USE, party.purposeOfUse());
    }
  }
}
