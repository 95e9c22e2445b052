package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
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
  private final IndexedPatientControllers patientControllers;

  public ConsentEnforcement(
      AccessDecider decider,
      AccessSnapshots snapshots,
      ConsentProperties properties,
      FhirContext context,
      IndexedPatientControllers patientControllers) {
    this.decider = decider;
    this.snapshots = snapshots;
    this.properties = properties;
    this.context = context;
    this.patientControllers = patientControllers;
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    Optional<Party> party = Party.from(request);
    if (party.isEmpty()) {
      // No party reaches here only on public endpoints (metadata); deny anything else.
      return ConsentOutcome.PROCEED;
    }
    String purpose = PurposeOfUse.of(request).orElse("");
    new RequestAccess(party.get(), purpose, snapshots.current(), patientControllers)
        .attachTo(request);
    // Unrestricted roles skip per-resource checks (and keep Bundle totals); still audited.
    return properties.unrestrictedRoles().contains(party.get().role())
        ? ConsentOutcome.AUTHORIZED
        : ConsentOutcome.PROCEED;
  }

  /**
   * HAPI's consent interceptor decides search results before they are stored for paging by loading
   * every one; for type searches {@link SearchResultScreening} decides them from HAPI's indexes
   * instead, so the interceptor is told not to (it still checks every resource as the answer is
   * written, from the same per-request decisions).
   */
  @Override
  public boolean shouldProcessCanSeeResource(
      RequestDetails request, IConsentContextServices services) {
    return RequestAccess.of(request)
        .map(access -> !access.resultsDecidedFromIndexes())
        .orElse(true);
  }

  @Override
  public ConsentOutcome canSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    return decide(request, resource);
  }

  @Override
  public ConsentOutcome willSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    if (resource instanceof Bundle bundle && everyEntryPermitted(request, bundle)) {
      // Next HAPI's consent interceptor would walk every element of the answer to find resources
      // and ask about each once more. Each was decided and permitted in this request, and none
      // holds another: AUTHORIZED ends that walk, which would also have removed the total.
      bundle.setTotalElement(null);
      return ConsentOutcome.AUTHORIZED;
    }
    if (resource instanceof Bundle
        || resource instanceof OperationOutcome
        || resource instanceof Parameters) {
      return ConsentOutcome.PROCEED;
    }
    return decide(request, resource);
  }

  /**
   * Whether a page of search results holds only resources this request has decided and permitted
   * (and HAPI's search outcome), none of which contains another resource.
   */
  private static boolean everyEntryPermitted(RequestDetails request, Bundle bundle) {
    Optional<RequestAccess> access = RequestAccess.of(request);
    if (access.isEmpty() || bundle.getType() != Bundle.BundleType.SEARCHSET) {
      return false;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.hasResponse()
          || !(entry.getResource() instanceof DomainResource resource)
          || resource.hasContained()) {
        return false;
      }
      if (resource instanceof OperationOutcome) {
        continue;
      }
      String versionedId = resource.getIdElement().toUnqualified().getValue();
      if (versionedId == null
          || !access.get().decided(versionedId).map(AccessDecision::permitted).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the request's party may see this loaded resource. */
  boolean permits(RequestDetails request, IBaseResource resource) {
    return resource != null
        && decide(request, resource).getStatus() == ConsentOperationStatusEnum.PROCEED;
  }

  /**
   * The decision on a resource described from HAPI's indexes, unless it depends on codes the
   * indexes do not give; taken once per version and request, and recorded like every decision.
   */
  Optional<AccessDecision> decide(RequestAccess access, IndexedFactsReader.Indexed indexed) {
    return decision(access, indexed.versionedId(), indexed::facts, false);
  }

  /**
   * Reads, in one query, who controls the unlinked Patients these described resources are about,
   * when this request's decisions will ask: only the care-relationship check of a direct-care
   * purpose looks up controllers.
   */
  void prepare(RequestAccess access, Collection<IndexedFactsReader.Indexed> described) {
    if (properties.directCarePurposes().contains(access.purpose())) {
      access.readControllersOf(
          described.stream().flatMap(indexed -> indexed.facts().patientIds().stream()).toList());
    }
  }

  private ConsentOutcome decide(RequestDetails request, IBaseResource resource) {
    Optional<RequestAccess> access = RequestAccess.of(request);
    if (access.isEmpty()) {
      return ConsentOutcome.REJECT;
    }
    AccessDecision decision =
        decision(
                access.get(),
                resource.getIdElement().toUnqualified().getValue(),
                () -> ResourceFacts.of(resource, context, properties.controllerIdentifierSystems()),
                true)
            .orElseThrow();
    return decision.permitted() ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
  }

  /**
   * The decision already taken in this request for this version of the resource ({@code key}, a
   * versioned id; null if it has none), or a new one, recorded; empty only if the codes are not
   * known and the decision would depend on them.
   */
  private Optional<AccessDecision> decision(
      RequestAccess access, String key, Supplier<ResourceFacts> describe, boolean codesKnown) {
    Optional<AccessDecision> known = key == null ? Optional.empty() : access.decided(key);
    if (known.isPresent()) {
      return known;
    }
    ResourceFacts facts = describe.get();
    AccessQuestion question = question(access, facts);
    Optional<AccessDecision> fresh =
        codesKnown
            ? Optional.of(decider.decide(question, access.consents(), access))
            : decider.decideWithoutCodes(question, access.consents(), access);
    if (key != null) {
      fresh.ifPresent(decision -> access.record(key, decision, facts.patientIds()));
    }
    return fresh;
  }

  private static AccessQuestion question(RequestAccess access, ResourceFacts facts) {
    return new AccessQuestion(
        DataController.of(access.party()),
        access.party().role(),
        access.purpose(),
        facts.resourceType(),
        facts.codes(),
        facts.labels(),
        facts.controller().orElse(null),
        facts.patientIds(),
        access.at());
  }
}
