package uk.carelink.server.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import uk.carelink.server.security.Party;

/**
 * Builds the AuditEvent of one FHIR request (IHE BALP-like): the party as requesting agent with its
 * purpose of use, the interaction, the outcome, each patient whose data was disclosed or withheld,
 * the Consents that decided, the query and the request id ({@code entity.name}, also returned to
 * the client as {@code X-Request-ID}).
 */
class AuditEventFactory {

  static final String REQUEST_ENTITY_DESCRIPTION = "request";
  private static final String ENTITY_TYPE =
      "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";

  private final String observer;

  AuditEventFactory(String observer) {
    this.observer = observer;
  }

  /** A RESTful-operation AuditEvent recorded now by this server: what every event starts as. */
  static AuditEvent restEvent(String observer) {
    AuditEvent event = new AuditEvent();
    event.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.setRecorded(new Date());
    event.getSource().setObserver(new Reference().setDisplay(observer));
    return event;
  }

  /** The request itself: its id ({@code X-Request-ID}) and its method and URL. */
  static void addRequestEntity(AuditEvent event, String requestId, String requestLine) {
    event
        .addEntity()
        .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
        .setRole(new Coding(OBJECT_ROLE, "24", "Query"))
        .setName(requestId)
        .setDescription(REQUEST_ENTITY_DESCRIPTION)
        .setQuery(requestLine.getBytes(StandardCharsets.UTF_8));
  }

  AuditEvent build(RequestDetails request, Party party, String purpose, Disclosure disclosure) {
    AuditEvent event = restEvent(observer);
    interaction(request).ifPresent(event::addSubtype);
    event.setAction(action(request));
    event.setOutcome(AuditEventOutcome.fromCode(disclosure.outcome()));
    event.setOutcomeDesc(disclosure.outcomeText());
    if (purpose != null && !purpose.isEmpty()) {
      event.addPurposeOfEvent(new CodeableConcept(new Coding(ACT_REASON, purpose, null)));
    }

    AuditEventAgentComponent agent = event.addAgent();
    agent.setRequestor(true);
    agent.setName(party.clientId());
    agent.setWho(
        new Reference()
            .setIdentifier(
                new Identifier()
                    .setSystem(party.organizationSystem())
                    .setValue(party.organizationValue()))
            .setDisplay(party.clientId()));
    agent.addRole(
        new CodeableConcept(
            new Coding(
                "https://carelink.example.org/fhir/CodeSystem/party-role", party.role(), null)));
    if (purpose != null && !purpose.isEmpty()) {
      agent.addPurposeOfUse(new CodeableConcept(new Coding(ACT_REASON, purpose, null)));
    }

    for (String patient : disclosure.disclosedPatients()) {
      patientEntity(event, patient, "disclosed");
    }
    for (String patient : disclosure.withheldPatients()) {
      if (!disclosure.disclosedPatients().contains(patient)) {
        patientEntity(event, patient, "withheld by consent");
      }
    }
    for (String consent : disclosure.decidingConsents()) {
      event
          .addEntity()
          .setWhat(new Reference(consent))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "13", "Security Resource"))
          .setDescription("deciding consent");
    }
    addRequestEntity(event, request.getRequestId(), requestLine(request));
    return event;
  }

  private static void patientEntity(AuditEvent event, String patientId, String description) {
    event
        .addEntity()
        .setWhat(new Reference("Patient/" + patientId))
        .setType(new Coding(ENTITY_TYPE, "1", "Person"))
        .setRole(new Coding(OBJECT_ROLE, "1", "Patient"))
        .setDescription(description);
  }

  private static String requestLine(RequestDetails request) {
    String query = request.getCompleteUrl();
    return request.getRequestType() + " " + (query == null ? request.getRequestPath() : query);
  }

  private static Optional<Coding> interaction(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == null) {
      return Optional.empty();
    }
    String code =
        switch (operation) {
          case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER ->
              "operation";
          case GET_PAGE -> "search-type";
          default -> operation.getCode();
        };
    return Optional.of(new Coding(INTERACTION, code, request.getOperation()));
  }

  private static AuditEventAction action(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation != null) {
      switch (operation) {
        case CREATE, TRANSACTION:
          return AuditEventAction.C;
        case UPDATE, PATCH:
          return AuditEventAction.U;
        case DELETE:
          return AuditEventAction.D;
        case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM:
          return AuditEventAction.R;
        default:
          break;
      }
    }
    // Searches and operations: execute.
    return AuditEventAction.E;
  }
}
