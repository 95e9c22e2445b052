package uk.carelink.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;

/**
 * Keeps AuditEvents out of HAPI's subscription pipeline. Every request writes one, and each would
 * otherwise queue for subscription matching ahead of the writes MDM waits for, delaying record
 * linkage under load. No subscription may deliver the audit trail anyway (it is admin-only).
 */
public class AuditEventsSkipSubscriptions {

  private final FhirContext context;

  public AuditEventsSkipSubscriptions(FhirContext context) {
    this.context = context;
  }

  @Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
  public boolean queueUnlessAuditEvent(ResourceModifiedMessage message) {
    return !message.hasResourceType(context, "AuditEvent");
  }
}
