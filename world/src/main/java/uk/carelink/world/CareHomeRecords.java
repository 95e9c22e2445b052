package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;
import static uk.carelink.world.FhirValues.date;
import static uk.carelink.world.FhirValues.dateTime;
import static uk.carelink.world.FhirValues.identifier;
import static uk.carelink.world.FhirValues.ucum;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address.AddressUse;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import uk.carelink.world.ResidentHistory.Fall;
import uk.carelink.world.ResidentHistory.MedicationRound;
import uk.carelink.world.ResidentHistory.MustScore;
import uk.carelink.world.ResidentHistory.Person;
import uk.carelink.world.ResidentHistory.RoundOutcome;
import uk.carelink.world.ResidentHistory.Score;
import uk.carelink.world.ResidentHistory.Stay;
import uk.carelink.world.ResidentHistory.Weight;

/** Writes one resident's history as the care home's system records it: one transaction. */
final class CareHomeRecords {

  private final PartyOrganization home;
  private final PartyOrganization gpPractice;

  CareHomeRecords(PartyOrganization home, PartyOrganization gpPractice) {
    this.home = home;
    this.gpPractice = gpPractice;
  }

  Bundle resident(ResidentHistory history) {
    TransactionBuilder transaction = new TransactionBuilder();
    String id = history.residentId();
    transaction.put(patient(history));
    transaction.put(stay(id, history.stay()));
    int n = 0;
    for (Weight weight : history.weights()) {
      transaction.put(weight(id + "-wt-" + ++n, id, weight));
    }
    n = 0;
    for (MustScore must : history.mustScores()) {
      transaction.put(
          score(
              id + "-must-" + ++n,
              id,
              WorldCodes.MUST_PROFILE,
              WorldCodes.MUST_SCORE,
              must.at(),
              must.total()));
    }
    n = 0;
    for (Score waterlow : history.waterlowScores()) {
      transaction.put(
          score(
              id + "-wl-" + ++n,
              id,
              WorldCodes.WATERLOW_PROFILE,
              WorldCodes.WATERLOW_SCORE,
              waterlow.at(),
              waterlow.value()));
    }
    n = 0;
    for (Score frailty : history.frailtyScores()) {
      transaction.put(
          score(
              id + "-cfs-" + ++n,
              id,
              WorldCodes.FRAILTY_PROFILE,
              WorldCodes.CLINICAL_FRAILTY_SCALE,
              frailty.at(),
              frailty.value()));
    }
    n = 0;
    for (News2 news2 : history.news2Scores()) {
      transaction.put(news2(id + "-news2-" + ++n, id, news2));
    }
    n = 0;
    for (Fall fall : history.falls()) {
      n++;
      transaction.put(
          fall(id + "-fall-" + n, id, fall, history.person().residentNumber() + "-F" + n));
    }
    n = 0;
    for (MedicationRound round : history.medicationRounds()) {
      transaction.put(administration(id + "-mar-" + ++n, id, round));
    }
    return transaction.build();
  }

  /** The home's Patient for a resident (also used by the labelled linkage set). */
  Patient patient(ResidentHistory history) {
    Person person = history.person();
    Patient patient = new Patient();
    patient.setId(history.residentId());
    patient.getMeta().addProfile(WorldCodes.RESIDENT_PROFILE);
    if (person.nhsNumber() != null) {
      patient.addIdentifier(identifier(Identifiers.NHS_NUMBER, person.nhsNumber()));
    }
    if (person.chiNumber() != null) {
      patient.addIdentifier(identifier(Identifiers.CHI_NUMBER, person.chiNumber()));
    }
    patient.addIdentifier(
        identifier(Identifiers.CARE_HOME_RESIDENT, person.residentNumber())
            .setAssigner(new Reference(home.organizationReference())));
    patient.addName().setUse(NameUse.OFFICIAL).setFamily(person.family()).addGiven(person.given());
    if (!person.birthFamily().equals(person.family())) {
      patient
          .addName()
          .setUse(NameUse.MAIDEN)
          .setFamily(person.birthFamily())
          .addGiven(person.given());
    }
    patient.setGender(
        person.sex() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    patient.setBirthDateElement(date(person.birthDate()));
    // The home records the address the resident lived at before moving in.
    patient
        .addAddress()
        .setUse(AddressUse.OLD)
        .setPostalCode(person.previousPostcode())
        .setPeriod(new Period().setEndElement(day(history.stay().admitted())));
    patient.addGeneralPractitioner(new Reference(gpPractice.organizationReference()));
    patient.setManagingOrganization(new Reference(home.organizationReference()));
    if (history.death() != null) {
      patient.setDeceased(dateTime(history.death().at()));
      patient
          .addExtension()
          .setUrl(WorldCodes.EXTENSION + "place-of-death")
          .setValue(code(WorldCodes.PLACE_OF_DEATH, history.death().place()));
    }
    return patient;
  }

  private EpisodeOfCare stay(String residentId, Stay stay) {
    EpisodeOfCare episode = new EpisodeOfCare();
    episode.setId(residentId + "-stay");
    episode.getMeta().addProfile(WorldCodes.STAY_PROFILE);
    episode.setStatus(
        stay.ended() == null ? EpisodeOfCareStatus.ACTIVE : EpisodeOfCareStatus.FINISHED);
    episode.addType(concept(WorldCodes.CARE_HOME_STAY));
    episode.setPatient(new Reference("Patient/" + residentId));
    episode.setManagingOrganization(new Reference(home.organizationReference()));
    Period period = new Period().setStartElement(day(stay.admitted()));
    if (stay.ended() != null) {
      period.setEndElement(day(stay.ended()));
      episode
          .addExtension()
          .setUrl(WorldCodes.EXTENSION + "stay-end-reason")
          .setValue(code(WorldCodes.STAY_END_REASON, stay.endReason()));
    }
    episode.setPeriod(period);
    episode
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "care-funding")
        .setValue(code(WorldCodes.CARE_FUNDING, stay.funding()));
    return episode;
  }

  private Observation observation(
      String id, String residentId, String profile, Coding code, OffsetDateTime at) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.getMeta().addProfile(profile);
    observation.setStatus(ObservationStatus.FINAL);
    observation.setCode(concept(code));
    observation.setSubject(new Reference("Patient/" + residentId));
    observation.setEffective(dateTime(at));
    observation.addPerformer(new Reference(home.organizationReference()));
    return observation;
  }

  private Observation weight(String id, String residentId, Weight weight) {
    Observation observation =
        observation(
            id, residentId, WorldCodes.BODY_WEIGHT_PROFILE, WorldCodes.BODY_WEIGHT, weight.at());
    observation.addCategory(concept(WorldCodes.VITAL_SIGNS));
    observation.setValue(ucum(weight.kilograms(), "kg", "kg"));
    return observation;
  }

  private Observation score(
      String id, String residentId, String profile, Coding code, OffsetDateTime at, int value) {
    Observation observation = observation(id, residentId, profile, code, at);
    observation.addCategory(concept(WorldCodes.SURVEY));
    observation.setValue(new IntegerType(value));
    return observation;
  }

  private Observation news2(String id, String residentId, News2 news2) {
    Observation observation =
        score(
            id,
            residentId,
            WorldCodes.NEWS2_PROFILE,
            WorldCodes.NEWS2_SCORE,
            news2.at(),
            news2.total());
    if (!news2.softSigns().isEmpty()) {
      String signs =
          news2.softSigns().stream().map(WorldCodes::display).collect(Collectors.joining("; "));
      observation.addComponent(
          new ObservationComponentComponent(concept(WorldCodes.SOFT_SIGNS))
              .setValue(new StringType(signs)));
    }
    return observation;
  }

  private Observation fall(String id, String residentId, Fall fall, String incidentNumber) {
    Observation observation =
        observation(id, residentId, WorldCodes.FALL_PROFILE, WorldCodes.FALL, fall.at());
    observation.addIdentifier(identifier(Identifiers.CARE_HOME_INCIDENT, incidentNumber));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_INJURY))
            .setValue(code(WorldCodes.FALL_INJURY_SEVERITY, fall.injury())));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_WITNESSED))
            .setValue(new BooleanType(fall.witnessed())));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_HOSPITAL_ATTENDANCE))
            .setValue(new BooleanType(fall.hospitalVisitIndex() != null)));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_PLACE))
            .setValue(new StringType(WorldCodes.display(fall.place()))));
    return observation;
  }

  private MedicationAdministration administration(
      String id, String residentId, MedicationRound round) {
    MedicationAdministration administration = new MedicationAdministration();
    administration.setId(id);
    administration.getMeta().addProfile(WorldCodes.MEDICATION_ADMINISTRATION_PROFILE);
    Medicine medicine = round.medicine();
    administration.setMedication(new CodeableConcept().setText(medicine.name()));
    administration.setSubject(new Reference("Patient/" + residentId));
    boolean given = round.outcome() == RoundOutcome.GIVEN;
    administration.setStatus(
        given ? MedicationAdministrationStatus.COMPLETED : MedicationAdministrationStatus.NOTDONE);
    administration.setEffective(dateTime(given ? round.administered() : round.scheduled()));
    if (!given) {
      administration.addStatusReason(code(WorldCodes.EMAR_OUTCOME, round.outcome()));
    }
    administration
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "scheduled-time")
        .setValue(dateTime(round.scheduled()));
    MedicationAdministration.MedicationAdministrationDosageComponent dosage =
        administration.getDosage();
    dosage.setRoute(concept(WorldCodes.MEDICATION_ROUTE, medicine.route(), "Oral"));
    SimpleQuantity dose = new SimpleQuantity();
    dose.setValue(medicine.dose())
        .setSystem(FhirValues.UCUM)
        .setCode(medicine.doseUnit())
        .setUnit(medicine.doseUnit().replaceAll("[{}]", ""));
    dosage.setDose(dose);
    return administration;
  }

  private static CodeableConcept code(String system, Enum<?> value) {
    return concept(system, WorldCodes.slug(value), WorldCodes.display(value));
  }

  private static DateTimeType day(LocalDate date) {
    return new DateTimeType(date.toString());
  }
}
