package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import uk.carelink.server.security.Party;

/**
 * {@code Patient/{id}/$explain-access?party=system|value&purpose=TREAT&class=Observation}: may this
 * party, for this purpose, see this class of data about this person, and why? Answers for every
 * controller that holds such data about the person (across linked records), with the rule and the
 * Consents that decide, using the very decision the API enforces. Callers: the service desk, or a
 * party asking about itself.
 */
public class ExplainAccessProvider {

  private final AccessDecider decider;
  private final AccessSnapshots snapshots;
  private final ConsentProperties properties;
  private final DaoRegistry daos;
  private final FhirContext context;
  private final IndexedPatientControllers patientControllers;

  public ExplainAccessProvider(
      AccessDecider decider,
      AccessSnapshots snapshots,
      ConsentProperties properties,
      DaoRegistry daos,
      FhirContext context,
      IndexedPatientControllers patientControllers) {
    this.decider = decider;
    this.snapshots = snapshots;
    this.properties = properties;
    this.daos = daos;
    this.context = context;
    this.patientControllers = patientControllers;
  }

  @Operation(name = "$explain-access", type = Patient.class, idempotent = true)
  public Parameters explain(
      @IdParam IdType patientId,
      @OperationParam(name = "party", min = 1, max = 1) StringType partyToken,
      @OperationParam(name = "purpose", min = 1, max = 1) CodeType purpose,
      @OperationParam(name = "class", min = 1, max = 1) CodeType resourceClass,
      RequestDetails request) {
    Party caller =
        Party.from(request).orElseThrow(() -> new ForbiddenOperationException("No party"));
    DataController party = parseParty(partyToken);
    boolean unrestricted = properties.unrestrictedRoles().contains(caller.role());
    if (!unrestricted && !party.equals(DataController.of(caller))) {
      throw new ForbiddenOperationException(
          "$explain-access: a party may ask only about itself (party="
              + DataController.of(caller)
              + ")");
    }
    String type = resourceClass.getValue();
    if (!context.getResourceTypes().contains(type)) {
      throw new InvalidRequestException(
          "$explain-access: class " + type + " is not a FHIR resource type");
    }
    // The person must exist (and be visible to the caller: read as the caller).
    daos.getResourceDao(Patient.class).read(patientId.toUnqualifiedVersionless(), request);

    AccessSnapshots.Snapshot snapshot = snapshots.current();
    Set<String> person = snapshot.links().group(patientId.getIdPart());
    Map<DataController, Integer> holdings = holdings(type, person);
    // The party's answer for its own data, even where it holds none yet.
    holdings.putIfAbsent(party, 0);

    String role = party.equals(DataController.of(caller)) ? caller.role() : "";
    Instant now = Instant.now();
    Parameters answer = new Parameters();
    answer.addParameter("party", new StringType(party.toString()));
    answer.addParameter("purpose", new CodeType(purpose.getValue()));
    answer.addParameter("class", new CodeType(type));
    for (String member : new TreeSet<>(person)) {
      answer.addParameter().setName("linkedRecord").setValue(new Reference("Patient/" + member));
    }
    for (Map.Entry<DataController, Integer> holding : holdings.entrySet()) {
      AccessQuestion question =
          new AccessQuestion(
              party,
              role,
              purpose.getValue(),
              type,
              List.of(),
              List.of(),
              holding.getKey(),
              Set.of(patientId.getIdPart()),
              now);
      AccessDecision decision = decider.decide(question, snapshot.consents(), directory(snapshot));
      ParametersParameterComponent part = answer.addParameter().setName("decision");
      part.addPart().setName("controller").setValue(holding.getKey().toIdentifier());
      part.addPart().setName("resources").setValue(new IntegerType(holding.getValue()));
      part.addPart()
          .setName("outcome")
          .setValue(new CodeType(decision.permitted() ? "permit" : "deny"));
      part.addPart().setName("rule").setValue(new CodeType(decision.rule().name()));
      part.addPart().setName("reason").setValue(new StringType(decision.rule().reason()));
      decision
          .consents()
          .forEach(c -> part.addPart().setName("consent").setValue(new Reference(c)));
    }
    return answer;
  }

  /** Controller → how many resources of the class it holds about the person's records. */
  private Map<DataController, Integer> holdings(String type, Set<String> person) {
    Map<DataController, Integer> holdings = new LinkedHashMap<>();
    SearchParameterMap map = SearchParameterMap.newSynchronous();
    if ("Patient".equals(type)) {
      map.add(
          "_id", new ca.uhn.fhir.rest.param.TokenOrListParam(null, person.toArray(String[]::new)));
    } else {
      if (context.getResourceDefinition(type).getSearchParam("patient") == null) {
        return holdings;
      }
      ReferenceOrListParam patients = new ReferenceOrListParam();
      person.forEach(id -> patients.addOr(new ReferenceParam("Patient/" + id)));
      map.add("patient", patients);
    }
    for (IBaseResource resource :
        daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources()) {
      DataController.of(resource, properties.controllerIdentifierSystems())
          .ifPresent(controller -> holdings.merge(controller, 1, Integer::sum));
    }
    return holdings;
  }

  private PatientDirectory directory(AccessSnapshots.Snapshot snapshot) {
    return new PatientDirectory() {
      @Override
      public Set<String> group(String id) {
        return snapshot.links().group(id);
      }

      @Override
      public Optional<DataController> controller(String id) {
        return snapshot.links().controller(id).or(() -> patientControllers.controllerOf(id));
      }
    };
  }

  private static DataController parseParty(StringType token) {
    String value = token == null ? null : token.getValue();
    int bar = value == null ? -1 : value.indexOf('|');
    if (bar <= 0 || bar == value.length() - 1) {
      throw new InvalidRequestException(
          "$explain-access: party must be an organisation identifier, system|value");
    }
    Identifier identifier =
        new Identifier().setSystem(value.substring(0, bar)).setValue(value.substring(bar + 1));
    return new DataController(identifier.getSystem(), identifier.getValue());
  }
}
