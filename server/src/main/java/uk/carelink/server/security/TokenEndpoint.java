package uk.carelink.server.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where clients get tokens, for {@code .well-known/smart-configuration}: Keycloak's endpoint under
 * {@code prod}, the sandbox issuer's otherwise.
 */
public interface TokenEndpoint {

  /** The {@code iss} of the tokens this server accepts. */
  String issuer();

  String url(HttpServletRequest request);

  /** The issuer's public keys, if it publishes them at a known address. */
  String jwksUrl(HttpServletRequest request);
}
