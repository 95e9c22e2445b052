package uk.carelink.server.security.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} asks for all the client's scopes, as Keycloak
 * grants a client's default scopes (Spring Authorization Server would grant none). A request with
 * {@code scope} is left alone and checked against the client's scopes as usual.
 */
final class AllScopesByDefault implements AuthenticationConverter {

  private final AuthenticationConverter standard =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = standard.convert(request);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token
        && token.getScopes().isEmpty()
        && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), token.getAdditionalParameters());
    }
    return converted;
  }
}
