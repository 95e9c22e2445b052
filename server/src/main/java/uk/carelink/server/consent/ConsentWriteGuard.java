package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import uk.carelink.server.security.Party;

/**
 * Who may record a Consent: a resident's decision only the controller of the resident's Patient
 * record (the home or practice the resident told), an agreement only a controller that is party to
 * it ({@code Consent.organization}). Otherwise any party could grant itself access.
 */
public class ConsentWriteGuard {

  private final ConsentProperties properties;
  private final DaoRegistry daos;
  private final PatientControllerReader records;

  public ConsentWriteGuard(ConsentProperties properties, DaoRegistry daos) {
    this.properties = properties;
    this.daos = daos;
    // The record, not the tables: the Patient may be written earlier in the same transaction.
    this.records = new PatientControllerReader(daos, properties.controllerIdentifierSystems());
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(RequestDetails request, IBaseResource resource) {
    check(request, resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(RequestDetails request, IBaseResource previous, IBaseResource updated) {
    check(request, updated);
  }

  private void check(RequestDetails request, IBaseResource resource) {
    Optional<Party> party = Party.from(request);
    if (!(resource instanceof Consent consent)
        || party.isEmpty()
        || properties.unrestrictedRoles().contains(party.get().role())) {
      return;
    }
    DataController writer = DataController.of(party.get());
    if (consent.hasPatient()) {
      Optional<DataController> patientController =
          records.controllerOf(consent.getPatient().getReferenceElement().getIdPart());
      if (patientController.isEmpty() || !patientController.get().equals(writer)) {
        throw new UnprocessableEntityException(
            "Consent.patient: only the controller of the resident's record "
                + consent.getPatient().getReference()
                + " may record the resident's consent");
      }
      return;
    }
    boolean party_to_it =
        consent.getOrganization().stream()
            .anyMatch(
                org ->
                    DataController.of(org).map(writer::equals).orElse(false)
                        || isOrganizationOf(org, writer));
    if (!party_to_it) {
      throw new UnprocessableEntityException(
          "Consent.organization: an agreement must name the recording organisation ("
              + writer
              + ") as a party to it");
    }
  }

  private boolean isOrganizationOf(Reference reference, DataController writer) {
    if (!reference.hasReference()
        || !"Organization".equals(reference.getReferenceElement().getResourceType())) {
      return false;
    }
    try {
      org.hl7.fhir.r4.model.Organization organization =
          (org.hl7.fhir.r4.model.Organization)
              daos.getResourceDao("Organization")
                  .read(reference.getReferenceElement(), new SystemRequestDetails());
      return organization.getIdentifier().stream()
          .anyMatch(
              id -> writer.system().equals(id.getSystem()) && writer.value().equals(id.getValue()));
    } catch (BaseServerResponseException e) {
      return false;
    }
  }
}
