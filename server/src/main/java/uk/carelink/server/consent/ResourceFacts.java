package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a consent decision needs to know about a resource: its class (resource type), codes,
 * security labels, controller and the people it is about (its Patient compartment). The resource
 * types the server stores most are read directly; others through HAPI's compartment definitions.
 */
public record ResourceFacts(
    String resourceType,
    String id,
    Optional<DataController> controller,
    Set<String> patientIds,
    List<Coding> codes,
    List<Coding> labels) {

  private static final String PATIENT = "Patient";
  private static final String AUDIT_EVENT = "AuditEvent";

  public static ResourceFacts of(
      IBaseResource resource, FhirContext context, Collection<String> controllerSystems) {
    String type = context.getResourceType(resource);
    Resource r = (Resource) resource;
    return new ResourceFacts(
        type,
        r.getIdElement().getIdPart(),
        DataController.of(resource, controllerSystems),
        patients(r, context),
        codes(r),
        r.hasMeta() ? List.copyOf(r.getMeta().getSecurity()) : List.of());
  }

  /** Whether the resource is about no one (directory, terminology, agreements). */
  public boolean aboutNoOne() {
    return patientIds.isEmpty();
  }

  /**
   * The element that names whom a resource is about, for the types the server stores most; HAPI
   * indexes it as the reference path {@code Type.element} (HFJ_RES_LINK), which is how {@link
   * IndexedFactsReader} finds the same person without loading the resource.
   */
  static final Map<String, String> PATIENT_ELEMENT =
      Map.of(
          "Observation", "subject",
          "MedicationAdministration", "subject",
          "EpisodeOfCare", "patient",
          "Encounter", "subject",
          "Consent", "patient");

  /** Types whose resources are about no one: the audit trail, and types outside the compartment. */
  static boolean aboutNoOne(FhirContext context, String type) {
    return AUDIT_EVENT.equals(type) || !inPatientCompartment(context, type);
  }

  /** Patient, or a type with a search parameter that places it in the Patient compartment. */
  static boolean inPatientCompartment(FhirContext context, String type) {
    return PATIENT.equals(type)
        || context.getResourceDefinition(type).getSearchParams().stream()
            .anyMatch(
                param ->
                    param.getProvidesMembershipInCompartments() != null
                        && param.getProvidesMembershipInCompartments().contains(PATIENT));
  }

  private static Set<String> patients(Resource resource, FhirContext context) {
    Set<String> ids = new LinkedHashSet<>();
    String type = resource.fhirType();
    String element = PATIENT_ELEMENT.get(type);
    if (resource instanceof Patient patient) {
      ids.add(patient.getIdElement().getIdPart());
    } else if (element != null) {
      for (Base value : resource.getNamedProperty(element).getValues()) {
        addPatient(ids, (Reference) value);
      }
    } else if (AUDIT_EVENT.equals(type)) {
      // The audit trail is about disclosures, not a record of the person: admin-only by type.
      return ids;
    } else {
      FhirTerser terser = context.newTerser();
      for (IIdType owner : terser.getCompartmentOwnersForResource(PATIENT, resource, Set.of())) {
        if (PATIENT.equals(owner.getResourceType()) && owner.hasIdPart()) {
          ids.add(owner.getIdPart());
        }
      }
    }
    return ids;
  }

  private static void addPatient(Set<String> ids, Reference reference) {
    if (reference != null && reference.hasReference()) {
      IIdType id = reference.getReferenceElement();
      if (PATIENT.equals(id.getResourceType()) && id.hasIdPart()) {
        ids.add(id.getIdPart());
      }
    }
  }

  private static List<Coding> codes(Resource resource) {
    List<Coding> codes = new ArrayList<>();
    if (resource instanceof Observation observation) {
      addAll(codes, observation.getCode());
    } else if (resource instanceof MedicationAdministration administration
        && administration.hasMedicationCodeableConcept()) {
      addAll(codes, administration.getMedicationCodeableConcept());
    } else if (resource instanceof Encounter encounter && encounter.hasClass_()) {
      codes.add(encounter.getClass_());
    }
    return codes;
  }

  private static void addAll(List<Coding> codes, CodeableConcept concept) {
    if (concept != null) {
      codes.addAll(concept.getCoding());
    }
  }
}
