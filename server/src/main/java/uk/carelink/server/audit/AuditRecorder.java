package uk.carelink.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import uk.carelink.server.consent.ConsentProperties;
import uk.carelink.server.consent.RequestAccess;
import uk.carelink.server.consent.ResourceFacts;
import uk.carelink.server.fhir.AccessControlInterceptor;
import uk.carelink.server.security.Party;
import uk.carelink.server.security.PurposeOfUse;

/**
 * Writes an AuditEvent for every FHIR request a party makes: reads, searches, operations, writes,
 * and every refusal. It looks at the answer after consent has filtered it (so it records what was
 * actually disclosed) and asks consent what it withheld and which Consents decided.
 */
public class AuditRecorder implements AccessControlInterceptor {

  /** After HAPI's consent interceptor has filtered the answer (its hooks run at order 0). */
  private static final int AFTER_CONSENT = 1000;

  private static final String AUDITED = AuditRecorder.class.getName() + ".audited";

  private final AuditTrail trail;
  private final AuditEventFactory factory;
  private final FhirContext context;
  private final ConsentProperties consent;

  public AuditRecorder(
      AuditTrail trail, AuditEventFactory factory, FhirContext context, ConsentProperties consent) {
    this.trail = trail;
    this.factory = factory;
    this.context = context;
    this.consent = consent;
  }

  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = AFTER_CONSENT)
  public void answered(RequestDetails request, ResponseDetails response) {
    Set<String> disclosed = new LinkedHashSet<>();
    IBaseResource answer = response.getResponseResource();
    if (answer instanceof Bundle bundle) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.hasResource()) {
          disclosed.addAll(patients(entry.getResource()));
        }
      }
    } else if (answer != null && !(answer instanceof OperationOutcome)) {
      disclosed.addAll(patients(answer));
    }
    Optional<RequestAccess> access = RequestAccess.of(request);
    int withheld = access.map(RequestAccess::withheld).orElse(0);
    String text =
        withheld == 0
            ? "HTTP " + response.getResponseCode()
            : "HTTP " + response.getResponseCode() + "; " + withheld + " withheld by consent";
    audit(request, "0", text, disclosed);
  }

  @Hook(value = Pointcut.SERVER_HANDLE_EXCEPTION, order = AFTER_CONSENT)
  public void refused(RequestDetails request, BaseServerResponseException exception) {
    String outcome = exception.getStatusCode() >= 500 ? "8" : "4";
    audit(
        request,
        outcome,
        "HTTP " + exception.getStatusCode() + ": " + exception.getMessage(),
        Set.of());
  }

  private void audit(RequestDetails request, String outcome, String text, Set<String> disclosed) {
    Optional<Party> party = Party.from(request);
    if (party.isEmpty() || request.getUserData().put(AUDITED, Boolean.TRUE) != null) {
      return;
    }
    Optional<RequestAccess> access = RequestAccess.of(request);
    Disclosure disclosure =
        new Disclosure(
            outcome,
            text,
            disclosed,
            access.map(RequestAccess::withheldPatients).orElse(Set.of()),
            access.map(RequestAccess::decidingConsents).orElse(Set.of()));
    trail.record(
        factory.build(request, party.get(), PurposeOfUse.of(request).orElse(null), disclosure));
  }

  private Set<String> patients(IBaseResource resource) {
    return ResourceFacts.of(resource, context, consent.controllerIdentifierSystems()).patientIds();
  }
}
