package uk.carelink.server.audit;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.event.EventListener;
import uk.carelink.server.security.AuthenticationRefused;

/**
 * Audits FHIR requests refused for want of a valid token (401): they never reach the FHIR layer,
 * where {@link AuditRecorder} works, and no party is known, so the caller is its network address.
 */
public class RefusedAuthenticationAudit {

  private final AuditTrail trail;
  private final String observer;

  public RefusedAuthenticationAudit(AuditTrail trail, String observer) {
    this.trail = trail;
    this.observer = observer;
  }

  @EventListener
  public void refused(AuthenticationRefused refusal) {
    AuditEvent event = AuditEventFactory.restEvent(observer);
    event.setAction(AuditEventAction.E);
    event.setOutcome(AuditEventOutcome._4);
    event.setOutcomeDesc("HTTP 401: " + refusal.reason());
    event
        .addAgent()
        .setRequestor(true)
        .setName("unauthenticated")
        .setWho(new Reference().setDisplay("unauthenticated caller"))
        .getNetwork()
        .setAddress(refusal.remoteAddress())
        .setType(AuditEvent.AuditEventAgentNetworkType._2);
    AuditEventFactory.addRequestEntity(
        event, refusal.requestId(), refusal.method() + " " + refusal.requestLine());
    trail.record(event);
  }
}
