package uk.carelink.world;

import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;

/**
 * Every code and profile the generator writes, in one place. They follow the project's profiles and
 * terminology (docs/profiles.md): external codes only where the profiles bind them (LOINC body
 * weight, HL7 code systems), the project's own CodeSystems for the rest.
 */
final class WorldCodes {

  static final String LOINC = "http://loinc.org";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String PROJECT = "https://carelink.example.org/fhir";
  static final String CODE_SYSTEM = PROJECT + "/CodeSystem/";
  static final String PROFILE = PROJECT + "/StructureDefinition/";
  static final String EXTENSION = PROFILE;

  static final Coding VITAL_SIGNS = new Coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs");
  static final Coding SURVEY = new Coding(OBSERVATION_CATEGORY, "survey", "Survey");
  static final Coding BODY_WEIGHT = new Coding(LOINC, "29463-7", "Body weight");

  static final String OBSERVATION_CODES = CODE_SYSTEM + "carelink-observation";
  static final Coding MUST_SCORE = new Coding(OBSERVATION_CODES, "must-score", "MUST score");
  static final Coding WATERLOW_SCORE =
      new Coding(OBSERVATION_CODES, "waterlow-score", "Waterlow score");
  static final Coding CLINICAL_FRAILTY_SCALE =
      new Coding(OBSERVATION_CODES, "cfs-score", "Clinical Frailty Scale score");
  static final Coding NEWS2_SCORE = new Coding(OBSERVATION_CODES, "news2-score", "NEWS2 score");
  static final Coding SOFT_SIGNS = new Coding(OBSERVATION_CODES, "soft-signs", "Soft signs");
  static final Coding FALL = new Coding(OBSERVATION_CODES, "fall", "Fall");
  static final Coding FALL_INJURY =
      new Coding(OBSERVATION_CODES, "fall-injury", "Injury from fall");
  static final Coding FALL_WITNESSED =
      new Coding(OBSERVATION_CODES, "fall-witnessed", "Fall witnessed");
  static final Coding FALL_HOSPITAL_ATTENDANCE =
      new Coding(OBSERVATION_CODES, "fall-hospital-attendance", "Hospital attendance after fall");
  static final Coding FALL_PLACE = new Coding(OBSERVATION_CODES, "fall-place", "Place of fall");

  static final String FALL_INJURY_SEVERITY = CODE_SYSTEM + "fall-injury-severity";
  static final String EMAR_OUTCOME = CODE_SYSTEM + "emar-outcome";
  static final String MEDICATION_ROUTE = CODE_SYSTEM + "medication-route";
  static final String STAY_END_REASON = CODE_SYSTEM + "stay-end-reason";
  static final String CARE_FUNDING = CODE_SYSTEM + "care-funding";
  static final String PLACE_OF_DEATH = CODE_SYSTEM + "place-of-death";
  static final String CARE_HOME_TYPE = CODE_SYSTEM + "carehome-type";
  static final Coding CARE_HOME_STAY =
      new Coding(CODE_SYSTEM + "carelink-episode-type", "care-home-stay", "Care home stay");

  static final String RESIDENT_PROFILE = PROFILE + "carehome-resident";
  static final String CARE_HOME_PROFILE = PROFILE + "carehome-organization";
  static final String CARE_HOME_SITE_PROFILE = PROFILE + "carehome-location";
  static final String STAY_PROFILE = PROFILE + "carehome-stay";
  static final String BODY_WEIGHT_PROFILE = PROFILE + "carehome-body-weight";
  static final String MUST_PROFILE = PROFILE + "carehome-must-score";
  static final String WATERLOW_PROFILE = PROFILE + "carehome-waterlow-score";
  static final String FRAILTY_PROFILE = PROFILE + "carehome-frailty-score";
  static final String NEWS2_PROFILE = PROFILE + "carehome-news2-score";
  static final String FALL_PROFILE = PROFILE + "carehome-fall";
  static final String MEDICATION_ADMINISTRATION_PROFILE =
      PROFILE + "carehome-medication-administration";
  static final String HOSPITAL_ENCOUNTER_PROFILE = PROFILE + "hospital-encounter";
  static final String RESIDENT_CONSENT_PROFILE = PROFILE + "resident-consent";
  static final String DATA_SHARING_AGREEMENT_PROFILE = PROFILE + "data-sharing-agreement";

  private WorldCodes() {}

  static String slug(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String display(Enum<?> value) {
    String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
