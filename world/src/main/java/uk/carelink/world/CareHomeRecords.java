package uk.carelink.world;

import static uk.carelink.world.FhirValues.concept;
import static uk.carelink.world.FhirValues.date;
import static uk.carelink.world.FhirValues.dateTime;
import static uk.carelink.world.FhirValues.identifier;
import static uk.carelink.world.FhirValues.ucum;

import java.time.OffsetDateTime;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
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
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import uk.carelink.world.News2.SoftSign;
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
      transaction.put(must(id + "-must-" + ++n, id, must));
    }
    n = 0;
    for (Score waterlow : history.waterlowScores()) {
      transaction.put(score(id + "-wl-" + ++n, id, WorldCodes.WATERLOW_SCORE, waterlow));
    }
    n = 0;
    for (Score frailty : history.frailtyScores()) {
      transaction.put(score(id + "-cfs-" + ++n, id, WorldCodes.CLINICAL_FRAILTY_SCALE, frailty));
    }
    n = 0;
    for (News2 news2 : history.news2Scores()) {
      transaction.put(news2(id + "-news2-" + ++n, id, news2));
    }
    n = 0;
    for (Fall fall : history.falls()) {
      transaction.put(fall(id + "-fall-" + ++n, id, fall));
    }
    n = 0;
    for (MedicationRound round : history.medicationRounds()) {
      transaction.put(administration(id + "-mar-" + ++n, id, round));
    }
    return transaction.build();
  }

  private Patient patient(ResidentHistory history) {
    Person person = history.person();
    Patient patient = new Patient();
    patient.setId(history.residentId());
    if (person.nhsNumber() != null) {
      patient.addIdentifier(identifier(Identifiers.NHS_NUMBER, person.nhsNumber()));
    }
    if (person.chiNumber() != null) {
      patient.addIdentifier(identifier(Identifiers.CHI_NUMBER, person.chiNumber()));
    }
    patient.addIdentifier(
        identifier(
            Identifiers.residentNumberSystem(home.identifierValue()), person.residentNumber()));
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
        .setUse(org.hl7.fhir.r4.model.Address.AddressUse.OLD)
        .setPostalCode(person.previousPostcode())
        .setPeriod(
            new Period()
                .setEndElement(
                    new org.hl7.fhir.r4.model.DateTimeType(history.stay().admitted().toString())));
    patient.addGeneralPractitioner(new Reference(gpPractice.organizationReference()));
    patient.setManagingOrganization(new Reference(home.organizationReference()));
    if (history.death() != null) {
      patient.setDeceased(dateTime(history.death().at()));
      patient
          .addExtension()
          .setUrl(WorldCodes.EXTENSION + "place-of-death")
          .setValue(
              concept(
                  WorldCodes.PLACE_OF_DEATH,
                  WorldCodes.slug(history.death().place()),
                  WorldCodes.display(history.death().place())));
    }
    return patient;
  }

  private EpisodeOfCare stay(String residentId, Stay stay) {
    EpisodeOfCare episode = new EpisodeOfCare();
    episode.setId(residentId + "-stay");
    episode.setStatus(
        stay.ended() == null ? EpisodeOfCareStatus.ACTIVE : EpisodeOfCareStatus.FINISHED);
    episode.addType(concept(WorldCodes.CARE_SETTING, "care-home-stay", "Care home stay"));
    episode.setPatient(new Reference("Patient/" + residentId));
    episode.setManagingOrganization(new Reference(home.organizationReference()));
    Period period =
        new Period()
            .setStartElement(new org.hl7.fhir.r4.model.DateTimeType(stay.admitted().toString()));
    if (stay.ended() != null) {
      period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(stay.ended().toString()));
      episode
          .addExtension()
          .setUrl(WorldCodes.EXTENSION + "stay-end-reason")
          .setValue(
              concept(
                  WorldCodes.STAY_END_REASON,
                  WorldCodes.slug(stay.endReason()),
                  WorldCodes.display(stay.endReason())));
    }
    episode.setPeriod(period);
    episode
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "care-funding")
        .setValue(
            concept(
                WorldCodes.CARE_FUNDING,
                WorldCodes.slug(stay.funding()),
                WorldCodes.display(stay.funding())));
    return episode;
  }

  private Observation observation(
      String id, String residentId, Coding category, Coding code, OffsetDateTime at) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(ObservationStatus.FINAL);
    observation.addCategory(concept(category));
    observation.setCode(concept(code));
    observation.setSubject(new Reference("Patient/" + residentId));
    observation.setEffective(dateTime(at));
    observation.addPerformer(new Reference(home.organizationReference()));
    return observation;
  }

  private Observation weight(String id, String residentId, Weight weight) {
    Observation observation =
        observation(id, residentId, WorldCodes.VITAL_SIGNS, WorldCodes.BODY_WEIGHT, weight.at());
    observation.setValue(ucum(weight.kilograms(), "kg", "kg"));
    return observation;
  }

  private Observation must(String id, String residentId, MustScore must) {
    Observation observation =
        observation(id, residentId, WorldCodes.SURVEY, WorldCodes.MUST_SCORE, must.at());
    observation.setValue(new IntegerType(must.total()));
    observation.addComponent(scoreComponent("bmi-score", "BMI score", must.bmiScore()));
    observation.addComponent(
        scoreComponent("weight-loss-score", "Weight loss score", must.weightLossScore()));
    observation.addComponent(
        scoreComponent("acute-disease-score", "Acute disease effect score", must.acuteScore()));
    return observation;
  }

  private static ObservationComponentComponent scoreComponent(
      String code, String display, int value) {
    return new ObservationComponentComponent(
            concept(WorldCodes.PROJECT + "/CodeSystem/must-step", code, display))
        .setValue(new IntegerType(value));
  }

  private Observation score(String id, String residentId, Coding code, Score score) {
    Observation observation = observation(id, residentId, WorldCodes.SURVEY, code, score.at());
    observation.setValue(new IntegerType(score.value()));
    return observation;
  }

  private Observation news2(String id, String residentId, News2 news2) {
    Observation observation =
        observation(id, residentId, WorldCodes.SURVEY, WorldCodes.NEWS2_TOTAL, news2.at());
    observation.setValue(new IntegerType(news2.total()));
    observation.addComponent(
        vital(
            WorldCodes.RESPIRATORY_RATE, ucum(news2.respirationRate(), "/min", "breaths/minute")));
    observation.addComponent(
        vital(WorldCodes.OXYGEN_SATURATION, ucum(news2.oxygenSaturation(), "%", "%")));
    observation.addComponent(
        vital(WorldCodes.SYSTOLIC, ucum(news2.systolicPressure(), "mm[Hg]", "mmHg")));
    observation.addComponent(
        vital(WorldCodes.HEART_RATE, ucum(news2.pulse(), "/min", "beats/minute")));
    observation.addComponent(
        vital(WorldCodes.BODY_TEMPERATURE, ucum(news2.temperature(), "Cel", "°C")));
    observation.addComponent(
        new ObservationComponentComponent(
                concept(
                    WorldCodes.NEWS2_PARAMETER, "supplemental-oxygen", "On supplemental oxygen"))
            .setValue(new BooleanType(news2.onOxygen())));
    observation.addComponent(
        new ObservationComponentComponent(
                concept(
                    WorldCodes.NEWS2_PARAMETER, "consciousness", "Level of consciousness (ACVPU)"))
            .setValue(
                concept(
                    WorldCodes.NEWS2_PARAMETER + "-acvpu",
                    WorldCodes.slug(news2.consciousness()),
                    WorldCodes.display(news2.consciousness()))));
    for (SoftSign sign : news2.softSigns()) {
      observation.addComponent(
          new ObservationComponentComponent(
                  concept(WorldCodes.SOFT_SIGN, WorldCodes.slug(sign), WorldCodes.display(sign)))
              .setValue(new BooleanType(true)));
    }
    return observation;
  }

  private static ObservationComponentComponent vital(Coding code, Quantity value) {
    return new ObservationComponentComponent(concept(code)).setValue(value);
  }

  private Observation fall(String id, String residentId, Fall fall) {
    Observation observation =
        observation(id, residentId, WorldCodes.SURVEY, WorldCodes.FALL, fall.at());
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_DETAIL, "injury", "Injury"))
            .setValue(
                concept(
                    WorldCodes.FALL_INJURY,
                    WorldCodes.slug(fall.injury()),
                    WorldCodes.display(fall.injury()))));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_DETAIL, "place", "Place"))
            .setValue(
                concept(
                    WorldCodes.FALL_PLACE,
                    WorldCodes.slug(fall.place()),
                    WorldCodes.display(fall.place()))));
    observation.addComponent(
        new ObservationComponentComponent(concept(WorldCodes.FALL_DETAIL, "witnessed", "Witnessed"))
            .setValue(new BooleanType(fall.witnessed())));
    observation.addComponent(
        new ObservationComponentComponent(
                concept(WorldCodes.FALL_DETAIL, "hospital-attendance", "Hospital attendance"))
            .setValue(new BooleanType(fall.hospitalVisitIndex() != null)));
    return observation;
  }

  private MedicationAdministration administration(
      String id, String residentId, MedicationRound round) {
    MedicationAdministration administration = new MedicationAdministration();
    administration.setId(id);
    Medicine medicine = round.medicine();
    administration.setMedication(new CodeableConcept().setText(medicine.name()));
    administration.setSubject(new Reference("Patient/" + residentId));
    boolean given = round.outcome() == RoundOutcome.GIVEN;
    administration.setStatus(
        given ? MedicationAdministrationStatus.COMPLETED : MedicationAdministrationStatus.NOTDONE);
    administration.setEffective(dateTime(given ? round.administered() : round.scheduled()));
    if (!given) {
      administration.addStatusReason(
          concept(
              WorldCodes.EMAR_OUTCOME,
              WorldCodes.slug(round.outcome()),
              WorldCodes.display(round.outcome())));
    }
    administration
        .addExtension()
        .setUrl(WorldCodes.EXTENSION + "scheduled-time")
        .setValue(dateTime(round.scheduled()));
    MedicationAdministration.MedicationAdministrationDosageComponent dosage =
        administration.getDosage();
    dosage.setRoute(new CodeableConcept().setText(medicine.route()));
    SimpleQuantity dose = new SimpleQuantity();
    dose.setValue(medicine.dose()).setUnit(medicine.doseUnit());
    dosage.setDose(dose);
    return administration;
  }
}
