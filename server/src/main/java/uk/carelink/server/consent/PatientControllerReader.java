package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Collection;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads who controls a Patient record from the record itself, for Patients the MDM link snapshot
 * does not (yet) cover. A record that does not exist (or is deleted) has no controller.
 */
class PatientControllerReader {

  private final DaoRegistry daos;
  private final Collection<String> controllerSystems;

  PatientControllerReader(DaoRegistry daos, Collection<String> controllerSystems) {
    this.daos = daos;
    this.controllerSystems = controllerSystems;
  }

  Optional<DataController> controllerOf(String patientId) {
    if (patientId == null) {
      return Optional.empty();
    }
    try {
      return DataController.of(
          daos.getResourceDao("Patient")
              .read(new IdType("Patient", patientId), new SystemRequestDetails()),
          controllerSystems);
    } catch (BaseServerResponseException e) {
      return Optional.empty();
    }
  }
}
