package uk.carelink.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.OperationOutcomeResponder;

/**
 * Answers Spring Security's refusals the FHIR way: 401 (code {@code login}) or 403 (code {@code
 * forbidden}) with an OperationOutcome, never Spring's error page. The RFC 6750 {@code
 * WWW-Authenticate: Bearer ...} header, which says why a token was refused, is written by Spring's
 * own bearer-token handlers first. When a token cannot be checked at all because the issuer's keys
 * cannot be fetched, the answer is 503 (code {@code transient}): the client is not at fault.
 */
@Component
public class SecurityErrorResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityErrorResponses.class);
  private final OperationOutcomeResponder responder;
  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

  private final ApplicationEventPublisher events;

  public SecurityErrorResponses(
      OperationOutcomeResponder responder, ApplicationEventPublisher events) {
    this.responder = responder;
    this.events = events;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    bearerEntryPoint.commence(request, response, failure);
    boolean tokenSent = request.getHeader("Authorization") != null;
    String message =
        tokenSent
            ? "The bearer token was refused: " + failure.getMessage()
            : "Authentication required: send an OAuth2 bearer token (Authorization: Bearer ...);"
                + " see /.well-known/smart-configuration for the token endpoint";
    responder.respond(response, HttpServletResponse.SC_UNAUTHORIZED, IssueType.LOGIN, message);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
      String query = request.getQueryString();
      events.publishEvent(
          new AuthenticationRefused(
              request.getMethod(),
              request.getRequestURI() + (query == null ? "" : "?" + query),
              request.getRemoteAddr(),
              request.getHeader("X-Request-ID"),
              tokenSent ? failure.getMessage() : "no bearer token"));
    }
  }

  /** Failed bearer-token authentication (the filter's failure handler). */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof AuthenticationServiceException) {
      log.warn("Token could not be checked: {}", failure.getMessage());
      responder.respond(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          IssueType.TRANSIENT,
          "The token issuer's keys cannot be fetched just now; try again shortly");
      return;
    }
    commence(request, response, failure);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    bearerDenied.handle(request, response, denied);
    responder.respond(
        response,
        HttpServletResponse.SC_FORBIDDEN,
        IssueType.FORBIDDEN,
        "Access denied: " + denied.getMessage());
  }
}
