package uk.carelink.bench;

/**
 * Identifier systems and codes the care home push generator uses. The codes come from
 * /work/shared/DOMAIN.md ("Data items"); the project's own identifier systems are placeholders
 * under https://carelink.example.org/Id/ until the NamingSystems in profiles/ fix them.
 */
final class CareHomeCodes {
  static final String ID_BASE = "https://carelink.example.org/Id/";
  static final String CQC_LOCATION_ID = ID_BASE + "cqc-location-id";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private CareHomeCodes() {}

  static String residentSystem(String homeCode) {
    return ID_BASE + "resident/" + homeCode;
  }

  static String observationSystem(String homeCode) {
    return ID_BASE + "observation/" + homeCode;
  }

  static String incidentSystem(String homeCode) {
    return ID_BASE + "incident/" + homeCode;
  }

  /** The observations a home records, with the probability that a resident gets one on a day. */
  enum Measure {
    WEIGHT(LOINC, "29463-7", "Body weight", "vital-signs", 0.25),
    NEWS2(SNOMED, "1104051000000101", "Royal College of Physicians NEWS2 score", "survey", 0.6),
    MUST(SNOMED, "444297006", "Malnutrition universal screening tool score", "survey", 0.15),
    WATERLOW(SNOMED, "278897004", "Waterlow pressure sore risk score", "survey", 0.15),
    FRAILTY(
        SNOMED,
        "763264000",
        "Canadian Study of Health and Aging Clinical Frailty Scale score",
        "survey",
        0.05);

    final String system;
    final String code;
    final String display;
    final String category;
    final double dailyProbability;

    Measure(String system, String code, String display, String category, double p) {
      this.system = system;
      this.code = code;
      this.display = display;
      this.category = category;
      this.dailyProbability = p;
    }
  }

  static final String FALL_CODE = "1912002";
  static final String FALL_DISPLAY = "Fall";
}
