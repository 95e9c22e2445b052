package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import uk.carelink.server.fhir.OperationOutcomeResponder;

/**
 * When Keycloak cannot be reached, a token cannot be checked: that is the server's problem (503),
 * not the client's (401), and never a servlet error page.
 */
class UnreachableIssuerTest {

  private final SecurityErrorResponses errors =
      new SecurityErrorResponses(
          new OperationOutcomeResponder(FhirContext.forR4Cached()), event -> {});

  @Test
  void anUnreachableIssuerIsReportedAsAJwtExceptionSoSpringTreatsItAsAnAuthenticationFailure() {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    JwtDecoder decoder =
        new KeycloakTokenConfig()
            .keycloakJwtDecoder(
                new SecurityProperties(
                    "http://127.0.0.1:1/realms/carelink", "", "", "carelink-fhir"));

    assertThatThrownBy(() -> decoder.decode("a.b.c"))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(JwtDecoderInitializationException.class)
        .hasMessageContaining("Cannot reach the token issuer");
  }

  @Test
  void aTokenThatCannotBeCheckedGets503WithATransientOperationOutcome() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    errors.onAuthenticationFailure(
        new MockHttpServletRequest(),
        response,
        new AuthenticationServiceException("Cannot reach the token issuer"));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).contains("\"code\":\"transient\"");
  }

  @Test
  void aBadTokenStillGets401() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer x");
    MockHttpServletResponse response = new MockHttpServletResponse();

    errors.onAuthenticationFailure(request, response, new InvalidBearerTokenException("bad"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
    assertThat(response.getContentAsString()).contains("\"code\":\"login\"");
  }
}
