package uk.carelink.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code .well-known/smart-configuration} (SMART App Launch 2.x), at the server root and under
 * {@code /fhir}: how a backend client gets a token. Served by its own servlet on exact paths,
 * because {@code /fhir/*} belongs to HAPI.
 */
class SmartConfigurationServlet extends HttpServlet {

  static final String ROOT_PATH = "/.well-known/smart-configuration";
  static final String FHIR_PATH = "/fhir/.well-known/smart-configuration";
  private static final long serialVersionUID = 1L;

  private final transient TokenEndpoint tokens;
  private final transient Set<String> scopes;
  private final transient ObjectMapper json;

  SmartConfigurationServlet(TokenEndpoint tokens, Set<String> scopes, ObjectMapper json) {
    this.tokens = tokens;
    this.scopes = scopes;
    this.json = json;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", tokens.issuer());
    document.put("token_endpoint", tokens.url(request));
    String jwks = tokens.jwksUrl(request);
    if (!jwks.isEmpty()) {
      document.put("jwks_uri", jwks);
    }
    document.put("grant_types_supported", List.of("client_credentials"));
    document.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    document.put("scopes_supported", scopes);
    document.put(
        "capabilities", List.of("client-confidential-symmetric", "permission-v2", "permission-v1"));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getWriter(), document);
  }
}
