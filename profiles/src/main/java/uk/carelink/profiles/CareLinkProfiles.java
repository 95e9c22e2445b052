package uk.carelink.profiles;

/**
 * Canonical URLs of the CareLink FHIR package (built from input/fsh and ../terminology), for code
 * that writes or checks resources: the server, the mappings and the synthetic data generator. A
 * resource claims a profile by listing its URL in {@code meta.profile}. docs/profiles.md lists what
 * each profile requires.
 */
public final class CareLinkProfiles {

  /** Canonical base of everything in the package. */
  public static final String CANONICAL = "https://carelink.example.org/fhir";

  /** Package name and version (fhir-package.json). */
  public static final String PACKAGE_NAME = "carelink.fhir";

  public static final String PACKAGE_VERSION = "0.1.0";

  /** Where the package is on the class path of anything that depends on this jar. */
  public static final String PACKAGE_CLASSPATH = "fhir-package/carelink.fhir.tgz";

  private static final String SD = CANONICAL + "/StructureDefinition/";

  public static final String RESIDENT = SD + "carehome-resident";
  public static final String CARE_HOME = SD + "carehome-organization";
  public static final String CARE_HOME_SITE = SD + "carehome-location";
  public static final String STAY = SD + "carehome-stay";
  public static final String BODY_WEIGHT = SD + "carehome-body-weight";
  public static final String MUST_SCORE = SD + "carehome-must-score";
  public static final String WATERLOW_SCORE = SD + "carehome-waterlow-score";
  public static final String FRAILTY_SCORE = SD + "carehome-frailty-score";
  public static final String NEWS2_SCORE = SD + "carehome-news2-score";
  public static final String FALL = SD + "carehome-fall";
  public static final String MEDICATION_ADMINISTRATION = SD + "carehome-medication-administration";
  public static final String HOSPITAL_ENCOUNTER = SD + "hospital-encounter";
  public static final String RESIDENT_CONSENT = SD + "resident-consent";
  public static final String DATA_SHARING_AGREEMENT = SD + "data-sharing-agreement";
  public static final String INGEST_PROVENANCE = SD + "ingest-provenance";

  /** Extensions. */
  public static final String EXT_REGISTERED_BEDS = SD + "registered-beds";

  public static final String EXT_STAY_END_REASON = SD + "stay-end-reason";
  public static final String EXT_CARE_FUNDING = SD + "care-funding";
  public static final String EXT_PLACE_OF_DEATH = SD + "place-of-death";
  public static final String EXT_SCHEDULED_TIME = SD + "scheduled-time";
  public static final String EXT_MAPPING_VERSION = SD + "mapping-version";

  /** Identifier systems. */
  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

  public static final String CHI_NUMBER = "https://fhir.nhs.uk/Id/chi-number";
  public static final String CHI_NUMBER_OID = "urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53";
  public static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";
  public static final String ODS_SITE = "https://fhir.nhs.uk/Id/ods-site-code";
  public static final String CQC_LOCATION = "https://carelink.example.org/Id/cqc-location-id";
  public static final String CARE_INSPECTORATE_SERVICE =
      "https://carelink.example.org/Id/care-inspectorate-service-number";
  public static final String RESIDENT_ID = "https://carelink.example.org/Id/carehome-resident-id";
  public static final String INCIDENT_ID = "https://carelink.example.org/Id/carehome-incident-id";

  /** Code systems of the project's own concepts. */
  public static final String CS_OBSERVATION = CANONICAL + "/CodeSystem/carelink-observation";

  public static final String CS_CARE_HOME_TYPE = CANONICAL + "/CodeSystem/carehome-type";
  public static final String CS_STAY_END_REASON = CANONICAL + "/CodeSystem/stay-end-reason";
  public static final String CS_CARE_FUNDING = CANONICAL + "/CodeSystem/care-funding";
  public static final String CS_FALL_INJURY = CANONICAL + "/CodeSystem/fall-injury-severity";
  public static final String CS_EMAR_OUTCOME = CANONICAL + "/CodeSystem/emar-outcome";
  public static final String CS_MEDICATION_ROUTE = CANONICAL + "/CodeSystem/medication-route";
  public static final String CS_PLACE_OF_DEATH = CANONICAL + "/CodeSystem/place-of-death";
  public static final String CS_EPISODE_TYPE = CANONICAL + "/CodeSystem/carelink-episode-type";
  public static final String CS_CONSENT_CATEGORY =
      CANONICAL + "/CodeSystem/carelink-consent-category";

  private CareLinkProfiles() {}
}
