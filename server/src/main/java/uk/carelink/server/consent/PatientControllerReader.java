package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Collection;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads who controls a Patient record from the record itself, through HAPI's DAO. A record that
 * does not exist (or is deleted) has no controller. Writes use it ({@link ConsentWriteGuard}): it
 * runs in HAPI's write transaction and sees what that transaction has written but not yet flushed,
 * which a SQL read of the tables would not. Reads use {@link IndexedPatientControllers}, which
 * falls back to this where the tables are not exact.
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
