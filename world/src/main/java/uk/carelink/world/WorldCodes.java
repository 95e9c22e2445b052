package uk.carelink.world;

import org.hl7.fhir.r4.model.Coding;

/**
 * Every code the generator writes, in one place. External codes are the ones listed in
 * ../shared/DOMAIN.md and the FHIR R4 vital-signs profiles; the project's own concepts use the
 * project's CodeSystems (terminology/).
 */
final class WorldCodes {

  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String PROJECT = "https://carelink.example.org/fhir";

  static final Coding VITAL_SIGNS = new Coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs");
  static final Coding SURVEY = new Coding(OBSERVATION_CATEGORY, "survey", "Survey");

  // FHIR R4 vital-signs profile codes.
  static final Coding BODY_WEIGHT = new Coding(LOINC, "29463-7", "Body weight");
  static final Coding RESPIRATORY_RATE = new Coding(LOINC, "9279-1", "Respiratory rate");
  static final Coding OXYGEN_SATURATION =
      new Coding(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
  static final Coding SYSTOLIC = new Coding(LOINC, "8480-6", "Systolic blood pressure");
  static final Coding HEART_RATE = new Coding(LOINC, "8867-4", "Heart rate");
  static final Coding BODY_TEMPERATURE = new Coding(LOINC, "8310-5", "Body temperature");

  // Assessment scores (DOMAIN.md).
  static final Coding NEWS2_TOTAL =
      new Coding(SNOMED, "1104051000000101", "Royal College of Physicians NEWS2 total score");
  static final Coding CLINICAL_FRAILTY_SCALE =
      new Coding(
          SNOMED, "763264000", "Canadian Study of Health and Aging Clinical Frailty Scale score");
  static final Coding MUST_SCORE =
      new Coding(SNOMED, "444297006", "Malnutrition universal screening tool score");
  static final Coding WATERLOW_SCORE = new Coding(SNOMED, "278897004", "Waterlow score");
  static final Coding FALL = new Coding(SNOMED, "1912002", "Fall");

  // The project's own concepts.
  static final String SOFT_SIGN = PROJECT + "/CodeSystem/restore2-soft-sign";
  static final String NEWS2_PARAMETER = PROJECT + "/CodeSystem/news2-parameter";
  static final String FALL_DETAIL = PROJECT + "/CodeSystem/fall-detail";
  static final String FALL_INJURY = PROJECT + "/CodeSystem/fall-injury";
  static final String FALL_PLACE = PROJECT + "/CodeSystem/fall-place";
  static final String EMAR_OUTCOME = PROJECT + "/CodeSystem/emar-outcome";
  static final String STAY_END_REASON = PROJECT + "/CodeSystem/stay-end-reason";
  static final String CARE_FUNDING = PROJECT + "/CodeSystem/care-funding";
  static final String PLACE_OF_DEATH = PROJECT + "/CodeSystem/place-of-death";
  static final String CARE_SETTING = PROJECT + "/CodeSystem/care-setting";
  static final String HOSPITAL_VISIT_REASON = PROJECT + "/CodeSystem/hospital-visit-reason";

  static final String EXTENSION = PROJECT + "/StructureDefinition/";

  private WorldCodes() {}

  static String slug(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static String display(Enum<?> value) {
    String words = value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
