package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;
import static uk.carelink.world.FhirValues.date;
import static uk.carelink.world.FhirValues.dateTime;
import static uk.carelink.world.FhirValues.identifier;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import uk.carelink.world.DemographicNoise.NhsDemographics;
import uk.carelink.world.ResidentHistory.Admission;
import uk.carelink.world.ResidentHistory.HospitalVisit;
import uk.carelink.world.ResidentHistory.PlaceOfDeath;
import uk.carelink.world.ResidentHistory.VisitCause;

/**
 * The NHS side of a resident: the GP practice's registered patient, and the hospital's patient with
 * A&amp;E attendances and admissions that follow the falls and deteriorations the home recorded.
 * Each organisation keeps its own Patient, with its own demographic slips.
 */
final class NhsRecords {

  private static final String ADMIT_SOURCE = "http://terminology.hl7.org/CodeSystem/admit-source";
  private static final String DISCHARGE_DISPOSITION =
      "http://terminology.hl7.org/CodeSystem/discharge-disposition";
  private static final Coding EMERGENCY = new Coding(WorldCodes.ACT_CODE, "EMER", "emergency");
  private static final Coding INPATIENT =
      new Coding(WorldCodes.ACT_CODE, "IMP", "inpatient encounter");

  private final PartyOrganization gpPractice;
  private final PartyOrganization hospital;
  private final String careHomePostcode;

  NhsRecords(PartyOrganization gpPractice, PartyOrganization hospital, String careHomePostcode) {
    this.gpPractice = gpPractice;
    this.hospital = hospital;
    this.careHomePostcode = careHomePostcode;
  }

  /** The GP practice's record of a registered resident. */
  void addGpPatient(TransactionBuilder transaction, ResidentHistory history, Rng rng) {
    transaction.put(gpPatient(history, rng));
  }

  /** The GP practice's Patient, with the NHS side's demographic slips. */
  Patient gpPatient(ResidentHistory history, Rng rng) {
    Patient patient =
        patient(
            "gp-" + rng.hex(10),
            history,
            DemographicNoise.nhsView(history.person(), careHomePostcode, rng));
    if (history.death() != null) {
      patient.setDeceased(dateTime(history.death().at()));
    }
    return patient;
  }

  /** The hospital's record and encounters; nothing when the resident never went to hospital. */
  void addHospitalPatient(TransactionBuilder transaction, ResidentHistory history, Rng rng) {
    List<HospitalVisit> visits = history.hospitalVisits();
    if (visits.isEmpty()) {
      return;
    }
    String patientId = "hosp-" + rng.hex(10);
    Patient patient =
        patient(
            patientId, history, DemographicNoise.nhsView(history.person(), careHomePostcode, rng));
    patient.addIdentifier(
        identifier(
            Identifiers.hospitalNumberSystem(hospital.identifierValue()),
            "MRN" + rng.between(1_000_000, 9_999_999)));
    if (history.death() != null && history.death().place() == PlaceOfDeath.HOSPITAL) {
      patient.setDeceased(dateTime(history.death().at()));
    }
    transaction.put(patient);
    int n = 0;
    for (HospitalVisit visit : visits) {
      n++;
      Encounter attendance = encounter(patientId + "-ae-" + n, patientId, EMERGENCY, visit);
      attendance.setPeriod(
          new Period()
              .setStartElement(dateTime(visit.arrived()))
              .setEndElement(dateTime(visit.departed())));
      attendance.setStatus(EncounterStatus.FINISHED);
      attendance
          .getHospitalization()
          .setDischargeDisposition(
              visit.admission() == null
                  ? concept(DISCHARGE_DISPOSITION, "long", "Long-term care")
                  : concept(DISCHARGE_DISPOSITION, "hosp", "Hospital admission"));
      transaction.put(attendance);
      Admission admission = visit.admission();
      if (admission != null) {
        Encounter stay = encounter(patientId + "-adm-" + n, patientId, INPATIENT, visit);
        Period period = new Period().setStartElement(dateTime(admission.start()));
        if (admission.end() == null) {
          stay.setStatus(EncounterStatus.INPROGRESS);
        } else {
          stay.setStatus(EncounterStatus.FINISHED);
          period.setEndElement(dateTime(admission.end()));
          stay.getHospitalization()
              .setDischargeDisposition(
                  admission.diedInHospital()
                      ? concept(DISCHARGE_DISPOSITION, "exp", "Expired")
                      : concept(DISCHARGE_DISPOSITION, "long", "Long-term care"));
        }
        stay.setPeriod(period);
        transaction.put(stay);
      }
    }
  }

  private Encounter encounter(
      String id, String patientId, Coding encounterClass, HospitalVisit visit) {
    Encounter encounter = new Encounter();
    encounter.setId(id);
    encounter.getMeta().addProfile(WorldCodes.HOSPITAL_ENCOUNTER_PROFILE);
    encounter.setClass_(encounterClass.copy());
    encounter.setSubject(new Reference("Patient/" + patientId));
    encounter.setServiceProvider(new Reference(hospital.organizationReference()));
    // Free text, as A&E systems often record it; no reason code system is bound.
    encounter.addReasonCode(new CodeableConcept().setText(reasonText(visit.cause())));
    encounter
        .getHospitalization()
        .setAdmitSource(concept(ADMIT_SOURCE, "nursing", "From nursing home"));
    return encounter;
  }

  private static String reasonText(VisitCause cause) {
    return switch (cause) {
      case FALL -> "Fall in care home";
      case DETERIORATION -> "Acute deterioration (NEWS2 escalation)";
      case OTHER -> "Emergency attendance";
    };
  }

  private Patient patient(String id, ResidentHistory history, NhsDemographics view) {
    Patient patient = new Patient();
    patient.setId(id);
    if (view.nhsNumber() != null) {
      patient.addIdentifier(identifier(Identifiers.NHS_NUMBER, view.nhsNumber()));
    }
    patient.addName().setUse(NameUse.OFFICIAL).setFamily(view.family()).addGiven(view.given());
    patient.setGender(
        history.person().sex() == Sex.FEMALE
            ? AdministrativeGender.FEMALE
            : AdministrativeGender.MALE);
    patient.setBirthDateElement(date(view.birthDate()));
    patient.addAddress().setPostalCode(view.postcode());
    patient.addGeneralPractitioner(new Reference(gpPractice.organizationReference()));
    return patient;
  }
}
