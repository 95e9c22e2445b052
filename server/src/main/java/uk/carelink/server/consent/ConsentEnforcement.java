package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import uk.carelink.server.security.Party;
import uk.carelink.server.security.PurposeOfUse;

/**
 * Plugs the {@link AccessDecider} into HAPI's consent interceptor, which calls it for every
 * resource a request would return: search results before they are paged (so pages stay full and
 * hidden resources leave no gaps), {@code _include}d and {@code _revinclude}d resources, reads,
 * history, {@code $everything}; and once more as the answer is written. A rejected resource is
 * simply absent; a read of one answers 404 exactly as for an id that never existed.
 */
public class ConsentEnforcement implements IConsentService {

  private final AccessDecider decider;
  private final AccessSnapshots snapshots;
  private final ConsentProperties properties;
  private final FhirContext context;
  private final DaoRegistry daos;

  public ConsentEnforcement(
      AccessDecider decider,
      AccessSnapshots snapshots,
      ConsentProperties properties,
      FhirContext context,
      DaoRegistry daos) {
    this.decider = decider;
    this.snapshots = snapshots;
    this.properties = properties;
    this.context = context;
    this.daos = daos;
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    Optional<Party> party = Party.from(request);
    if (party.isEmpty()) {
      // No party reaches here only on public endpoints (metadata); deny anything else.
      return ConsentOutcome.PROCEED;
    }
    String purpose = PurposeOfUse.of(request).orElse("");
    new RequestAccess(
            party.get(),
            purpose,
            snapshots.current(),
            daos,
            properties.controllerIdentifierSystems())
        .attachTo(request);
    // Unrestricted roles skip per-resource checks (and keep Bundle totals); still audited.
    return properties.unrestrictedRoles().contains(party.get().role())
        ? ConsentOutcome.AUTHORIZED
        : ConsentOutcome.PROCEED;
  }

  @Override
  public ConsentOutcome canSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    return decide(request, resource);
  }

  @Override
  public ConsentOutcome willSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    if (resource instanceof Bundle
        || resource instanceof OperationOutcome
        || resource instanceof Parameters) {
      return ConsentOutcome.PROCEED;
    }
    return decide(request, resource);
  }

  private ConsentOutcome decide(RequestDetails request, IBaseResource resource) {
    Optional<RequestAccess> access = RequestAccess.of(request);
    if (access.isEmpty()) {
      return ConsentOutcome.REJECT;
    }
    RequestAccess requestAccess = access.get();
    String key = resource.getIdElement().toUnqualified().getValue();
    Optional<AccessDecision> known = key == null ? Optional.empty() : requestAccess.decided(key);
    AccessDecision decision =
        known.orElseGet(
            () -> {
              ResourceFacts facts =
                  ResourceFacts.of(resource, context, properties.controllerIdentifierSystems());
              AccessDecision fresh = decide(requestAccess, facts);
              if (key != null) {
                requestAccess.record(key, fresh, facts.patientIds());
              }
              return fresh;
            });
    return decision.permitted() ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
  }

  AccessDecision decide(RequestAccess access, ResourceFacts facts) {
    AccessQuestion question =
        new AccessQuestion(
            DataController.of(access.party()),
            access.party().role(),
            access.purpose(),
            facts.resourceType(),
            facts.codes(),
            facts.labels(),
            facts.controller().orElse(null),
            facts.patientIds(),
            access.at());
    return decider.decide(question, access.consents(), access);
  }
}
