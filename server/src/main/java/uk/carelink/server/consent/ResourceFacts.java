package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
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

  private static Set<String> patients(Resource resource, FhirContext context) {
    Set<String> ids = new LinkedHashSet<>();
    if (resource instanceof Patient patient) {
      ids.add(patient.getIdElement().getIdPart());
    } else if (resource instanceof Observation observation) {
      addPatient(ids, observation.getSubject());
    } else if (resource instanceof MedicationAdministration administration) {
      addPatient(ids, administration.getSubject());
    } else if (resource instanceof EpisodeOfCare stay) {
      addPatient(ids, stay.getPatient());
    } else if (resource instanceof Encounter encounter) {
      addPatient(ids, encounter.getSubject());
    } else if (resource instanceof Consent consent) {
      addPatient(ids, consent.getPatient());
    } else if (resource instanceof AuditEvent) {
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
