package uk.carelink.server.consent;

import java.util.Optional;
import java.util.Set;

/** Whose records belong to one person, and who controls each Patient record. */
public interface PatientDirectory {

  /** Every Patient record linked to this one, itself included. */
  Set<String> group(String patientId);

  /** The controller of a Patient record, if known. */
  Optional<DataController> controller(String patientId);
}
