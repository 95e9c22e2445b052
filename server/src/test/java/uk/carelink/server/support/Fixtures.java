package uk.carelink.server.support;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.world.NhsNumber;

/** Small builders for test data, so tests show only what matters to the rule they check. */
public final class Fixtures {

  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String CQC_LOCATION = "https://carelink.example.org/Id/cqc-location-id";
  public static final String LOINC = "http://loinc.org";

  private Fixtures() {}

  /** A unique value so tests sharing one database never see each other's data. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Patient resident(String family, String given) {
    Patient patient = new Patient();
    patient.addName().setFamily(family).addGiven(given);
    patient.setGender(AdministrativeGender.FEMALE);
    return patient;
  }

  public static Patient resident(String family, String given, String nhsNumber) {
    Patient patient = resident(family, given);
    patient.addIdentifier().setSystem(NHS_NUMBER).setValue(nhsNumber);
    return patient;
  }

  /**
   * A resident as a care home writes it: conformant to the CareLink resident profile, which every
   * care home party's Patient is validated against (a valid NHS number, birth date, the home).
   */
  public static Patient careHomeResident(String family, String given, String careHomeReference) {
    Patient patient = resident(family, given, validNhsNumber());
    patient.setBirthDateElement(new DateType("1931-04-02"));
    patient.setManagingOrganization(new Reference(careHomeReference));
    return patient;
  }

  /** A 999 test-range NHS number with a valid modulus 11 check digit. */
  public static String validNhsNumber() {
    while (true) {
      String nine =
          "999"
              + String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      int check = NhsNumber.checkDigit(nine);
      if (check >= 0) {
        return nine + check;
      }
    }
  }

  public static Organization careHome(String name, String cqcLocationId) {
    Organization home = new Organization();
    home.setName(name);
    home.addIdentifier().setSystem(CQC_LOCATION).setValue(cqcLocationId);
    return home;
  }

  public static Observation weight(String subjectReference, double kilograms) {
    Observation weight = new Observation();
    weight.setStatus(Observation.ObservationStatus.FINAL);
    weight.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "29463-7", "Body weight")));
    weight.setSubject(new Reference(subjectReference));
    weight.setValue(
        new Quantity()
            .setValue(kilograms)
            .setUnit("kg")
            .setSystem("http://unitsofmeasure.org")
            .setCode("kg"));
    return weight;
  }

  /** A transaction bundle built entry by entry. */
  public static TransactionBuilder transaction() {
    return new TransactionBuilder();
  }

  /** Builds transaction bundles with urn:uuid full URLs and optional conditional creates. */
  public static final class TransactionBuilder {
    private final Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);

    /** Adds a POST and returns the entry's urn:uuid, for references from later entries. */
    public String create(Resource resource) {
      return createIfNoneExist(resource, null);
    }

    /** Adds a conditional create (If-None-Exist) and returns the entry's urn:uuid. */
    public String createIfNoneExist(Resource resource, String ifNoneExist) {
      String fullUrl = "urn:uuid:" + UUID.randomUUID();
      Bundle.BundleEntryComponent entry =
          bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
      entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
      if (ifNoneExist != null) {
        entry.getRequest().setIfNoneExist(ifNoneExist);
      }
      return fullUrl;
    }

    public Bundle build() {
      return bundle;
    }
  }
}
