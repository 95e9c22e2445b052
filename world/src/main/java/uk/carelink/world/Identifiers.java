package uk.carelink.world;

/** Identifier systems used in the generated world (see docs and ../shared/DOMAIN.md). */
public final class Identifiers {

  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String CHI_NUMBER = "https://fhir.nhs.uk/Id/chi-number";
  public static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";
  public static final String ODS_SITE = "https://fhir.nhs.uk/Id/ods-site-code";

  /** CQC location ids have no national FHIR system; the project defines this one. */
  public static final String CQC_LOCATION = "https://carelink.example.org/Id/cqc-location-id";

  /** A care home's own resident id; the assigner (the home) tells homes' numbers apart. */
  public static final String CARE_HOME_RESIDENT =
      "https://carelink.example.org/Id/carehome-resident-id";

  /** A care home's own incident number (falls). */
  public static final String CARE_HOME_INCIDENT =
      "https://carelink.example.org/Id/carehome-incident-id";

  /** The hospital's own patient (MRN) numbers. */
  public static String hospitalNumberSystem(String odsCode) {
    return "https://carelink.example.org/Id/hospital-mrn/" + odsCode;
  }

  private Identifiers() {}
}
