package uk.carelink.server.support;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * Builders of resources that conform to the CareLink profiles and claim them, as a care home system
 * would send them. Tests break one thing to check a rule.
 */
public final class CareHomeRecords {

  private static final String UCUM = "http://unitsofmeasure.org";

  private CareHomeRecords() {}

  public static Organization careHome(String cqcLocationId) {
    Organization home = new Organization();
    home.getMeta().addProfile(CareLinkProfiles.CARE_HOME);
    home.addIdentifier().setSystem(CareLinkProfiles.CQC_LOCATION).setValue(cqcLocationId);
    home.addType(concept(CareLinkProfiles.CS_CARE_HOME_TYPE, "nursing"));
    home.setName("Heather Court");
    return home;
  }

  public static Patient resident(String nhsNumber, String careHomeReference) {
    Patient resident = new Patient();
    resident.getMeta().addProfile(CareLinkProfiles.RESIDENT);
    resident.addIdentifier().setSystem(CareLinkProfiles.NHS_NUMBER).setValue(nhsNumber);
    resident.addName().setFamily("McIntosh").addGiven("William");
    resident.setGender(AdministrativeGender.MALE);
    resident.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1926-12-31"));
    resident.setManagingOrganization(new Reference(careHomeReference));
    return resident;
  }

  public static EpisodeOfCare stay(String residentReference, String careHomeReference) {
    EpisodeOfCare stay = new EpisodeOfCare();
    stay.getMeta().addProfile(CareLinkProfiles.STAY);
    stay.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
    stay.addType(concept(CareLinkProfiles.CS_EPISODE_TYPE, "care-home-stay"));
    stay.setPatient(new Reference(residentReference));
    stay.setManagingOrganization(new Reference(careHomeReference));
    stay.setPeriod(new Period().setStartElement(new DateTimeType("2024-11-19")));
    stay.addExtension(
        CareLinkProfiles.EXT_CARE_FUNDING,
        concept(CareLinkProfiles.CS_CARE_FUNDING, "local-authority"));
    return stay;
  }

  public static Observation weight(String residentReference, double kilograms) {
    Observation weight = new Observation();
    weight.getMeta().addProfile(CareLinkProfiles.BODY_WEIGHT);
    weight.setStatus(Observation.ObservationStatus.FINAL);
    weight.addCategory(
        concept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"));
    weight.setCode(concept("http://loinc.org", "29463-7"));
    weight.setSubject(new Reference(residentReference));
    weight.setEffective(new DateTimeType(new Date()));
    weight.setValue(new Quantity().setValue(kilograms).setUnit("kg").setSystem(UCUM).setCode("kg"));
    return weight;
  }

  public static Observation mustScore(String residentReference, int score) {
    Observation must = new Observation();
    must.getMeta().addProfile(CareLinkProfiles.MUST_SCORE);
    must.setStatus(Observation.ObservationStatus.FINAL);
    must.addCategory(
        concept("http://terminology.hl7.org/CodeSystem/observation-category", "survey"));
    must.setCode(concept(CareLinkProfiles.CS_OBSERVATION, "must-score"));
    must.setSubject(new Reference(residentReference));
    must.setEffective(new DateTimeType(new Date()));
    must.setValue(new org.hl7.fhir.r4.model.IntegerType(score));
    return must;
  }

  public static Observation fall(String residentReference, String injury) {
    Observation fall = new Observation();
    fall.getMeta().addProfile(CareLinkProfiles.FALL);
    fall.setStatus(Observation.ObservationStatus.FINAL);
    fall.setCode(concept(CareLinkProfiles.CS_OBSERVATION, "fall"));
    fall.setSubject(new Reference(residentReference));
    fall.setEffective(new DateTimeType(new Date()));
    fall.addComponent()
        .setCode(concept(CareLinkProfiles.CS_OBSERVATION, "fall-injury"))
        .setValue(concept(CareLinkProfiles.CS_FALL_INJURY, injury));
    fall.addComponent()
        .setCode(concept(CareLinkProfiles.CS_OBSERVATION, "fall-witnessed"))
        .setValue(new org.hl7.fhir.r4.model.BooleanType(true));
    fall.addComponent()
        .setCode(concept(CareLinkProfiles.CS_OBSERVATION, "fall-hospital-attendance"))
        .setValue(new org.hl7.fhir.r4.model.BooleanType(false));
    return fall;
  }

  public static MedicationAdministration doseGiven(String residentReference) {
    MedicationAdministration dose = new MedicationAdministration();
    dose.getMeta().addProfile(CareLinkProfiles.MEDICATION_ADMINISTRATION);
    dose.addExtension(
        CareLinkProfiles.EXT_SCHEDULED_TIME, new DateTimeType("2026-11-01T08:00:00Z"));
    dose.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
    dose.setMedication(new CodeableConcept().setText("Furosemide 40mg tablets"));
    dose.setSubject(new Reference(residentReference));
    dose.setEffective(new DateTimeType("2026-11-01T08:04:00Z"));
    dose.getDosage()
        .setRoute(concept(CareLinkProfiles.CS_MEDICATION_ROUTE, "oral"))
        .setDose(
            (org.hl7.fhir.r4.model.SimpleQuantity)
                new org.hl7.fhir.r4.model.SimpleQuantity()
                    .setValue(40)
                    .setUnit("mg")
                    .setSystem(UCUM)
                    .setCode("mg"));
    return dose;
  }

  public static CodeableConcept concept(String system, String code) {
    return new CodeableConcept(new Coding(system, code, null));
  }
}
